package org.transferlab.kernel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.FakePlugins;

class PlannerTest {

    private static final String STUDY = """
            experiment: planned
            seed: 5
            datasets:
              mnist: { plugin: mnist }
              letters: { plugin: letters }
            models:
              alexnet: { plugin: alexnet }
            recipes:
              r: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.01 }
            pretrain:
              - { models: [alexnet], datasets: [mnist, letters], recipe: r }
            finetune:
              - { from: { models: [alexnet], datasets: [letters] }, dataset: mnist, subset: [100, 500], freeze: { first: 8 }, recipe: r }
            attack:
              data: { dataset: mnist, samples: 50 }
              methods:
                - { plugin: fgsm, eps: [0.1, 0.3] }
            metrics: [accuracy, transfer-rate]
            """;

    private static TaskGraph plan(String yaml) throws Exception {
        return new Planner(ConfigLoader.load(yaml, "study.yaml", FakePlugins.catalog()).config(), FakePlugins.catalog()).plan();
    }

    @Test
    void expandsTheMatrixIntoReadableIdsInDependencyOrder() throws Exception {
        List<String> ids = plan(STUDY).tasks().stream().map(Task::id).toList();
        assertEquals(List.of(
                "pretrain/alexnet@mnist",
                "pretrain/alexnet@letters",
                "finetune/alexnet@letters>mnist-n100-first8",
                "finetune/alexnet@letters>mnist-n500-first8",
                "attack/alexnet@mnist/fgsm-eps0.1",
                "attack/alexnet@mnist/fgsm-eps0.3",
                "attack/alexnet@letters/fgsm-eps0.1",
                "attack/alexnet@letters/fgsm-eps0.3",
                "evaluate/alexnet@letters>mnist-n100-first8/alexnet@mnist/fgsm-eps0.1",
                "evaluate/alexnet@letters>mnist-n100-first8/alexnet@mnist/fgsm-eps0.3",
                "evaluate/alexnet@letters>mnist-n100-first8/alexnet@letters/fgsm-eps0.1",
                "evaluate/alexnet@letters>mnist-n100-first8/alexnet@letters/fgsm-eps0.3",
                "evaluate/alexnet@letters>mnist-n500-first8/alexnet@mnist/fgsm-eps0.1",
                "evaluate/alexnet@letters>mnist-n500-first8/alexnet@mnist/fgsm-eps0.3",
                "evaluate/alexnet@letters>mnist-n500-first8/alexnet@letters/fgsm-eps0.1",
                "evaluate/alexnet@letters>mnist-n500-first8/alexnet@letters/fgsm-eps0.3"), ids);
    }

    @Test
    void aPairedMetricAddsOneComparisonPerFineTunedTargetAndAttackSetting() throws Exception {
        String study = STUDY.replace("metrics: [accuracy, transfer-rate]", "metrics: [accuracy, transfer-rate, mcnemar]");
        TaskGraph graph = plan(study);
        List<CompareTask> comparisons = graph.tasks(CompareTask.class);
        assertEquals(List.of(
                "compare/alexnet@letters>mnist-n100-first8/fgsm-eps0.1",
                "compare/alexnet@letters>mnist-n100-first8/fgsm-eps0.3",
                "compare/alexnet@letters>mnist-n500-first8/fgsm-eps0.1",
                "compare/alexnet@letters>mnist-n500-first8/fgsm-eps0.3"),
                comparisons.stream().map(Task::id).toList());
        CompareTask first = comparisons.get(0);
        assertEquals("evaluate/alexnet@letters>mnist-n100-first8/alexnet@letters/fgsm-eps0.1", first.parentEvaluation());
        assertEquals(List.of("evaluate/alexnet@letters>mnist-n100-first8/alexnet@mnist/fgsm-eps0.1"), first.otherEvaluations());
        assertEquals("comparisons/alexnet@letters+mnist-n100-first8~fgsm-eps0.1", first.directory());
        // Listing a paired metric leaves every other task's key as it was.
        TaskGraph without = plan(STUDY);
        for (Task task : without.tasks()) {
            assertEquals(task.cacheKey(), graph.task(task.id()).orElseThrow().cacheKey(), task.id());
        }
        assertEquals(List.of(), without.tasks(CompareTask.class));
    }

    @Test
    void baselinesAreTrainedFromScratchAndAttackedAsTargetsButNeverAttack() throws Exception {
        String study = STUDY.replace("attack:\n", "baselines:\n  - { models: [alexnet], dataset: mnist, subset: [100, 500], recipe: r }\nattack:\n");
        TaskGraph graph = plan(study);
        List<TrainTask> baselines = graph.tasks(TrainTask.class).stream().filter(t -> t.kind() == TaskKind.BASELINE).toList();
        assertEquals(List.of("baseline/alexnet@mnist-n100", "baseline/alexnet@mnist-n500"),
                baselines.stream().map(Task::id).toList());
        assertEquals(List.of(), baselines.get(0).dependencies());
        assertEquals("models/baseline~alexnet@mnist-n100", baselines.get(0).directory());
        assertEquals(List.of("baseline/alexnet@mnist-n100", "attack/alexnet@mnist/fgsm-eps0.1"),
                graph.task("evaluate/alexnet@mnist-n100/alexnet@mnist/fgsm-eps0.1").orElseThrow().dependencies());
        assertEquals(0, graph.tasks(AttackTask.class).stream().filter(a -> a.sourceId().startsWith("baseline/")).count());
        assertNotEquals(graph.task("pretrain/alexnet@mnist").orElseThrow().cacheKey(), baselines.get(0).cacheKey());
    }

    @Test
    void everyModelTrainedOnNImagesOfADatasetInOneRepeatSeesTheSameImages() throws Exception {
        String study = STUDY.replace("datasets: [letters] }, dataset: mnist", "datasets: [mnist, letters] }, dataset: mnist")
                .replace("attack:\n", "baselines:\n  - { models: [alexnet], dataset: mnist, subset: [100], recipe: r }\nattack:\n")
                .replace("seed: 5", "seed: 5\nrepeats: 2");
        TaskGraph graph = plan(study);
        long fromMnist = train(graph, "finetune/alexnet@mnist>mnist-n100-first8-r1").subsetSeed();
        assertEquals(fromMnist, train(graph, "finetune/alexnet@letters>mnist-n100-first8-r1").subsetSeed());
        assertEquals(fromMnist, train(graph, "baseline/alexnet@mnist-n100-r1").subsetSeed());
        assertNotEquals(fromMnist, train(graph, "finetune/alexnet@letters>mnist-n500-first8-r1").subsetSeed());
        assertNotEquals(fromMnist, train(graph, "finetune/alexnet@letters>mnist-n100-first8-r2").subsetSeed(),
                "repeats are independent seeds of the whole chain");
        assertNotEquals(train(graph, "finetune/alexnet@mnist>mnist-n100-first8-r1").seed(),
                train(graph, "finetune/alexnet@letters>mnist-n100-first8-r1").seed(), "initialisation still differs");
    }

    private static TrainTask train(TaskGraph graph, String id) {
        return (TrainTask) graph.task(id).orElseThrow(() -> new AssertionError(id + " is not planned"));
    }

    @Test
    void fineTuningDependsOnItsParentAndEvaluationOnTargetAndAttack() throws Exception {
        TaskGraph graph = plan(STUDY);
        assertEquals(List.of("pretrain/alexnet@letters"),
                graph.task("finetune/alexnet@letters>mnist-n100-first8").orElseThrow().dependencies());
        assertEquals(List.of("finetune/alexnet@letters>mnist-n500-first8", "attack/alexnet@mnist/fgsm-eps0.3"),
                graph.task("evaluate/alexnet@letters>mnist-n500-first8/alexnet@mnist/fgsm-eps0.3").orElseThrow().dependencies());
    }

    @Test
    void cacheKeysAreStableAcrossPlansAndChangeWithWhatTheyDependOn() throws Exception {
        TaskGraph first = plan(STUDY);
        TaskGraph again = plan(STUDY);
        TaskGraph longer = plan(STUDY.replace("epochs: 1", "epochs: 2"));
        for (Task task : first.tasks()) {
            assertEquals(task.cacheKey(), again.task(task.id()).orElseThrow().cacheKey(), task.id());
            assertNotEquals(task.cacheKey(), longer.task(task.id()).orElseThrow().cacheKey(),
                    task.id() + " depends on the recipe, directly or through its inputs");
        }
    }

    @Test
    void mixedPrecisionChangesEveryKeyWhileExplicitFloat32ChangesNone() throws Exception {
        TaskGraph plain = plan(STUDY);
        TaskGraph float32 = plan(STUDY.replace("seed: 5", "seed: 5\nruntime: { precision: float32, threads: 2 }"));
        TaskGraph mixed = plan(STUDY.replace("seed: 5", "seed: 5\nruntime: { precision: mixed-bfloat16 }"));
        for (Task task : plain.tasks()) {
            assertEquals(task.cacheKey(), float32.task(task.id()).orElseThrow().cacheKey(), task.id());
            assertNotEquals(task.cacheKey(), mixed.task(task.id()).orElseThrow().cacheKey(), task.id());
        }
    }

    @Test
    void anAttackSettingChangeInvalidatesOnlyThatSettingsTasks() throws Exception {
        TaskGraph before = plan(STUDY);
        TaskGraph after = plan(STUDY.replace("eps: [0.1, 0.3]", "eps: [0.1, 0.25]"));
        assertEquals(before.task("pretrain/alexnet@mnist").orElseThrow().cacheKey(),
                after.task("pretrain/alexnet@mnist").orElseThrow().cacheKey());
        assertEquals(before.task("attack/alexnet@mnist/fgsm-eps0.1").orElseThrow().cacheKey(),
                after.task("attack/alexnet@mnist/fgsm-eps0.1").orElseThrow().cacheKey());
        assertEquals(true, after.task("attack/alexnet@mnist/fgsm-eps0.25").isPresent());
    }

    @Test
    void repeatsGetTheirOwnIdsAndSeeds() throws Exception {
        TaskGraph graph = plan(STUDY.replace("seed: 5", "seed: 5\nrepeats: 2"));
        TrainTask first = (TrainTask) graph.task("pretrain/alexnet@mnist-r1").orElseThrow();
        TrainTask second = (TrainTask) graph.task("pretrain/alexnet@mnist-r2").orElseThrow();
        assertNotEquals(first.seed(), second.seed());
        assertEquals(List.of("pretrain/alexnet@letters-r2"),
                graph.task("finetune/alexnet@letters>mnist-n100-first8-r2").orElseThrow().dependencies());
    }
}
