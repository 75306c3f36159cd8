package org.transferlab.kernel.executor.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.exec.RunOptions;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.executor.TransferlabProcess;
import org.transferlab.kernel.lock.LockedException;

class SlurmExecutorTest {

    @TempDir
    Path folder;

    private final ClusterStudy study = new ClusterStudy();
    private final FakeSlurm slurm = new FakeSlurm();

    private Path runDirectory() {
        return folder.resolve("runs/cluster-study");
    }

    private Submission submit(boolean dryRun) throws IOException {
        return submit(dryRun, study.tasks());
    }

    private Submission submit(boolean dryRun, List<org.transferlab.kernel.plan.Task> selected) throws IOException {
        Path file = Files.writeString(folder.resolve("cluster.yaml"), ClusterStudy.yaml("cpu", ClusterStudy.CLUSTER));
        StudyInvocation invocation = new StudyInvocation(file, null, folder.resolve("runs"), folder.resolve("data"), null);
        return new SlurmExecutor(slurm, new TransferlabProcess(List.of("/opt/transferlab/bin/transferlab")))
                .submit(new SlurmExecutor.Request("cluster-study", runDirectory(), study.tasks(), selected, false, invocation,
                        study.config.clusterOrDefault(), 2, null, dryRun, folder));
    }

    @Test
    void eachArrayIsSubmittedAfterTheJobsItWaitsForAndTheFinalJobAfterThemAll() throws IOException {
        Submission submission = submit(false);

        assertEquals(List.of("101 01-pretrain.sh", "102 --dependency=aftercorr:101 02-finetune.sh",
                "103 --dependency=aftercorr:101 03-attack.sh", "104 --dependency=afterok:102:103 04-evaluate.sh",
                "105 --dependency=afterok:101:102:103:104 finish.sh"), slurm.submitted);
        assertEquals(List.of("101", "102", "103", "104", "105"), submission.jobIds());
        Submission stored = Submission.latest(runDirectory()).orElseThrow();
        assertEquals(submission.record(), stored.record(), "submission.json records every job id");
        assertEquals("pretrain/m0.v_2-b@a\npretrain/m0.v_2-b@d.1_x-y\n",
                Files.readString(submission.folder().resolve("01-pretrain.tasks")));
        assertEquals(Files.readString(folder.resolve("cluster.yaml")), Files.readString(submission.folder().resolve("cluster.yaml")),
                "the jobs read a copy of the file as it was submitted");
        assertTrue(Files.isDirectory(submission.folder().resolve("logs")));
        assertTrue(Files.isExecutable(submission.folder().resolve("submit.sh")));
    }

    @Test
    void aDryRunWritesTheSubmissionAndSubmitsNothing() throws IOException {
        Submission submission = submit(true);

        assertEquals(List.of(), slurm.submitted);
        assertFalse(submission.record().submitted());
        assertEquals(List.of(), submission.jobIds());
        for (String file : List.of("01-pretrain.sh", "02-finetune.sh", "03-attack.sh", "04-evaluate.sh", "finish.sh",
                "submit.sh", "04-evaluate.tasks", "submission.json")) {
            assertTrue(Files.isRegularFile(submission.folder().resolve(file)), file);
        }
        assertTrue(Submission.latest(runDirectory()).isEmpty(), "a dry run is no submission to follow");
    }

    @Test
    void onlyTheTasksThatAreNotCachedAreSubmitted() throws IOException {
        RunOptions options = new RunOptions(runDirectory(), folder.resolve("data"), false, RuntimeOptions.cpu(1), false);
        new Runner(study.config, ClusterStudy.PLUGINS, study.graph, options, new PrintStream(PrintStream.nullOutputStream()),
                id -> TrainingListener.NONE, TransferProgress.NONE, new Cancellation())
                .run(task -> task.id().startsWith("pretrain/"));

        submit(false);

        assertEquals(List.of("101 01-finetune.sh", "102 02-attack.sh", "103 --dependency=afterok:101:102 03-evaluate.sh",
                "104 --dependency=afterok:101:102:103 finish.sh"), slurm.submitted);
    }

    @Test
    void aSelectionThatLeavesTasksOfThePlanUnrunGetsNoFinalJob() throws IOException {
        Submission submission = submit(false, study.tasks().stream().filter(task -> task.id().startsWith("pretrain/")).toList());

        assertEquals(List.of("101 01-pretrain.sh"), slurm.submitted);
        assertEquals(null, submission.record().finish());
        assertFalse(Files.exists(submission.folder().resolve("finish.sh")));
        assertFalse(Files.readString(submission.folder().resolve("submit.sh")).contains("finish"));
    }

    @Test
    void aRefusedSbatchCancelsTheJobsSubmittedBeforeIt() {
        slurm.failAt = 2;

        SlurmException refused = assertThrows(SlurmException.class, () -> submit(false));

        assertEquals(List.of("101", "102"), slurm.cancelled);
        assertTrue(refused.getMessage().endsWith("Invalid account or account/partition combination specified; the "
                + "jobs submitted before it (101, 102) were cancelled"), refused.getMessage());
    }

    @Test
    void aSubmissionWhoseJobsAreStillQueuedKeepsTheNextOneOut() throws IOException {
        submit(false);
        slurm.queue.add(new SlurmClient.QueuedJob("104", 2, "PENDING", "Dependency"));
        SlurmExecutor executor = new SlurmExecutor(slurm, new TransferlabProcess(List.of("transferlab")));

        LockedException refused = assertThrows(LockedException.class, () -> executor.requireNoActiveSubmission(runDirectory()));

        assertTrue(refused.getMessage().matches("submission \\d{8}-\\d{6} of this study still has jobs in Slurm's queue "
                + "\\(104\\); follow it with transferlab status " + runDirectory() + ", or cancel it with scancel 104, "
                + "then submit again"), refused.getMessage());
        slurm.queue.set(0, new SlurmClient.QueuedJob("104", 2, "CANCELLED", "DependencyNeverSatisfied"));
        executor.requireNoActiveSubmission(runDirectory());
    }
}
