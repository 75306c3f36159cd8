package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.exec.StudyPlugins;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.lock.LockHoldingProcess;

/** {@code task run ID [FILE]} on the study of {@link StudyPlugins}, whose plugins are on the test class path. */
class TaskRunCommandTest {

    private static final String ATTACK = "attack/linear@a/study-attack";

    private StudyFolder study;

    @BeforeEach
    void writeStudy(@TempDir Path folder) throws IOException {
        study = new StudyFolder(folder);
    }

    @Test
    void anUnknownIdExitsWithStatusTwoAndSuggestsTheClosestTask() {
        assertEquals(2, study.transferlab("task", "run", "pretrain/linaer@a"));
        assertEquals(List.of("error: no task 'pretrain/linaer@a' in the plan of " + study.file
                + "; did you mean 'pretrain/linear@a'?"), study.err());
    }

    @Test
    void anIdLikeNoTaskPointsToThePlan() {
        assertEquals(2, study.transferlab("task", "run", "finetune/everything"));
        assertEquals(List.of("error: no task 'finetune/everything' in the plan of " + study.file + "; transferlab plan "
                + study.file + " lists the tasks"), study.err());
    }

    @Test
    void aTaskWhoseDependencyHasNotRunExitsWithStatusTwoNamingTheCommandThatRunsIt() {
        assertEquals(2, study.transferlab("task", "run", ATTACK));
        assertEquals(List.of(
                "error: " + ATTACK + " needs a task that has not been run; run it first:",
                "  transferlab task run 'pretrain/linear@a' " + study.file + " --output " + study.output),
                study.err());
        assertFalse(Files.exists(study.output), "nothing was written");
    }

    @Test
    void aCachedTaskIsReportedAndNotRunAgainUnlessForced() throws IOException {
        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a"));
        Path model = study.output.resolve("study/models/pretrain~linear@a");
        assertTrue(Files.isRegularFile(model.resolve("weights.npz")));
        assertFalse(Files.exists(study.output.resolve("study/models/pretrain~linear@b")), "exactly the one task ran");
        Path marker = Files.writeString(model.resolve("marker"), "left by this test");

        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a"));
        assertEquals(List.of("pretrain/linear@a: cached, nothing to run (--force runs it again)"), study.out());
        assertTrue(Files.exists(marker), "the cached task's directory is untouched");

        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a", "--force"));
        assertFalse(Files.exists(marker), "--force replaced the directory");
        assertTrue(Files.isRegularFile(model.resolve("weights.npz")));
        assertEquals(List.of(), study.err());
    }

    @Test
    void onceItsDependencyRanTheTaskRuns() {
        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a"));
        assertEquals(1, study.transferlab("task", "run", ATTACK));
        assertEquals(List.of("error: the study's attack is only planned"), study.err().subList(0, 1),
                "past the dependency check, the study's attack plugin refuses to run");
    }

    @Test
    void aTaskRunWhileARunHoldsTheStudyExitsWithStatusTwoNamingIt() throws Exception {
        try (LockHoldingProcess run = LockHoldingProcess.start("study-exclusive", study.output.resolve("study").toString())) {
            assertEquals(2, study.transferlab("task", "run", "pretrain/linear@a"));

            assertTrue(study.err().get(0).matches("error: another transferlab, pid " + run.pid() + " on host "
                    + LockHolder.thisHost() + ", has been running this study since \\S+ \\(transferlab run in "
                    + study.output.resolve("study") + "\\); wait for it to end, or stop it, then try again "
                    + "\\(--lock-wait SECONDS waits for it\\)"), study.err().toString());
            assertFalse(Files.exists(study.output.resolve("study/models")), "nothing was run");
        }
    }

    @Test
    void taskRunNeverWritesTheManifestWhichIsTheRunsAndTheSubmittersToWrite() {
        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a"));

        assertFalse(Files.exists(study.output.resolve("study/manifest.json")));
    }

    @Test
    void finishWritesNoResultsWhileTasksHaveNotRunAndNamesThem() {
        assertEquals(0, study.transferlab("task", "run", "pretrain/linear@a"));

        assertEquals(1, study.transferlab("task", "finish"));
        assertEquals(List.of("error: 3 of 4 tasks of the plan have not run, so no results were written:",
                "  pretrain/linear@b", "  attack/linear@a/study-attack", "  attack/linear@b/study-attack"), study.err());
        assertFalse(Files.exists(study.output.resolve("study/results.csv")));
    }
}
