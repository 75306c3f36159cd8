package org.transferlab.kernel.executor.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.plan.Task;

class SubmissionPlanTest {

    private static final String PRETRAIN_A = "pretrain/m0.v_2-b@a";
    private static final String PRETRAIN_D = "pretrain/m0.v_2-b@d.1_x-y";

    private final ClusterStudy study = new ClusterStudy();

    private static String describe(ArrayJob array) {
        return array.name() + " level " + array.level() + " " + array.tasks().stream().map(Task::id).toList()
                + (array.afterCorr() != null ? " aftercorr " + array.afterCorr()
                : array.afterOk().isEmpty() ? "" : " afterok " + array.afterOk());
    }

    @Test
    void tasksAreGroupedByDependencyLevelAndKindAndChainedByWhatTheyRead() {
        SubmissionPlan plan = study.plan(1001);

        assertEquals(List.of(
                "01-pretrain level 0 [" + PRETRAIN_A + ", " + PRETRAIN_D + "]",
                "02-finetune level 1 [finetune/m0.v_2-b@a>a-n16-none, finetune/m0.v_2-b@d.1_x-y>a-n16-none] aftercorr 01-pretrain",
                "03-attack level 1 [attack/m0.v_2-b@a/study-attack, attack/m0.v_2-b@d.1_x-y/study-attack] aftercorr 01-pretrain",
                "04-evaluate level 2 [evaluate/m0.v_2-b@a>a-n16-none/m0.v_2-b@a/study-attack, "
                        + "evaluate/m0.v_2-b@a>a-n16-none/m0.v_2-b@d.1_x-y/study-attack, "
                        + "evaluate/m0.v_2-b@d.1_x-y>a-n16-none/m0.v_2-b@a/study-attack, "
                        + "evaluate/m0.v_2-b@d.1_x-y>a-n16-none/m0.v_2-b@d.1_x-y/study-attack] afterok [02-finetune, 03-attack]"),
                plan.arrays().stream().map(SubmissionPlanTest::describe).toList());
    }

    @Test
    void anArrayLargerThanMaxArraySizeIsSplitAndItsDependentsWaitForEveryPart() {
        SubmissionPlan plan = study.plan(3);

        assertEquals(List.of("01-pretrain", "02-finetune", "03-attack", "04-evaluate-part1", "04-evaluate-part2"),
                plan.arrays().stream().map(ArrayJob::name).toList());
        assertEquals(List.of(3, 1), plan.arrays().subList(3, 5).stream().map(array -> array.tasks().size()).toList());
        assertEquals(List.of("02-finetune", "03-attack"), plan.arrays().get(4).afterOk());
    }

    @Test
    void correspondingArraysSplitAlikeAndEachPartWaitsForItsCounterpart() {
        SubmissionPlan plan = study.plan(1);

        assertEquals(List.of("01-pretrain-part1 level 0 [" + PRETRAIN_A + "]",
                "01-pretrain-part2 level 0 [" + PRETRAIN_D + "]",
                "02-finetune-part1 level 1 [finetune/m0.v_2-b@a>a-n16-none] aftercorr 01-pretrain-part1",
                "02-finetune-part2 level 1 [finetune/m0.v_2-b@d.1_x-y>a-n16-none] aftercorr 01-pretrain-part2"),
                plan.arrays().subList(0, 4).stream().map(SubmissionPlanTest::describe).toList());
        ArrayJob firstEvaluation = plan.arrays().get(6);
        assertEquals("04-evaluate-part1", firstEvaluation.name());
        assertEquals(List.of("02-finetune-part1", "03-attack-part1"), firstEvaluation.afterOk(),
                "a part waits for the parts that hold what its own tasks read");
        assertEquals(List.of("02-finetune-part2", "03-attack-part2"), plan.arrays().get(9).afterOk());
    }

    @Test
    void correspondingTasksTakeTheOrderOfWhatTheyRead() {
        List<Task> reversedPretraining = new java.util.ArrayList<>(study.tasks());
        java.util.Collections.swap(reversedPretraining, 0, 1);

        SubmissionPlan plan = SubmissionPlan.of(reversedPretraining, study.config.clusterOrDefault(), 2, 1001);

        assertEquals(List.of(PRETRAIN_D, PRETRAIN_A), plan.arrays().get(0).tasks().stream().map(Task::id).toList());
        assertEquals(List.of("finetune/m0.v_2-b@d.1_x-y>a-n16-none", "finetune/m0.v_2-b@a>a-n16-none"),
                plan.arrays().get(1).tasks().stream().map(Task::id).toList(), "task i reads pretraining task i");
    }

    @Test
    void tasksWhoseDependenciesAreCachedStartAtLevelZero() {
        List<Task> afterPretraining = study.tasks().stream().filter(task -> !task.id().startsWith("pretrain/")).toList();

        SubmissionPlan plan = SubmissionPlan.of(afterPretraining, study.config.clusterOrDefault(), 2, 1001);

        assertEquals(List.of("01-finetune level 0", "02-attack level 0", "03-evaluate level 1"),
                plan.arrays().stream().map(array -> array.name() + " level " + array.level()).toList());
        assertEquals(List.of(), plan.arrays().get(0).afterOk());
        assertEquals(null, plan.arrays().get(0).afterCorr());
    }

    @Test
    void eachKindAsksForItsOwnTimeAndTheSharedCpusAndMemory() {
        SubmissionPlan plan = study.plan(1001);

        assertEquals(List.of("--time=2:00:00", "--cpus-per-task=2", "--mem=6G"), plan.arrays().get(0).resources().sbatchOptions());
        assertEquals(List.of("--time=1:00:00", "--cpus-per-task=2", "--mem=6G"), plan.arrays().get(1).resources().sbatchOptions());
        assertEquals(List.of("--time=30", "--cpus-per-task=2", "--mem=6G"), plan.arrays().get(2).resources().sbatchOptions());
        assertEquals(List.of("--time=10", "--cpus-per-task=2", "--mem=6G"), plan.arrays().get(3).resources().sbatchOptions());
        assertEquals(List.of("--time=0-0:15", "--cpus-per-task=2", "--mem=6G"), plan.finish().sbatchOptions());
    }

    @Test
    void gpusGoToTheTasksThatRunNetworksAndNotToTheFinalJob() {
        ClusterStudy gpu = new ClusterStudy("gpu", "cluster: { gpus: \"a100:2\" }\n");

        SubmissionPlan plan = gpu.plan(1001);

        for (ArrayJob array : plan.arrays()) {
            assertEquals(List.of("--cpus-per-task=2", "--gres=gpu:a100:2"), array.resources().sbatchOptions(), array.name());
        }
        assertEquals(List.of("--cpus-per-task=2"), plan.finish().sbatchOptions());
    }

    @Test
    void withoutCpusPerTaskEachJobGetsRuntimeThreadsOrOne() {
        assertEquals(2, Resources.cpus(new ClusterStudy("cpu", "").config.clusterOrDefault(), 2));
        assertEquals(1, Resources.cpus(new ClusterStudy("cpu", "").config.clusterOrDefault(), 0));
        assertEquals(2, SlurmExecutor.taskThreads(study.config.clusterOrDefault(), 0),
                "a task with runtime.threads 0 uses the CPUs its job was given");
        assertEquals(3, SlurmExecutor.taskThreads(study.config.clusterOrDefault(), 3));
    }
}
