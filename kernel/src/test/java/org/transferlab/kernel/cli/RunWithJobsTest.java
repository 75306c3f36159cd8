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

/**
 * {@code run --jobs N} on the study of {@link StudyPlugins}: the workers are JVMs started with this test's class path,
 * so they find the same plugins. Its attack plugin refuses to run, which is the failing task.
 */
class RunWithJobsTest {

    private StudyFolder study;

    @BeforeEach
    void writeStudy(@TempDir Path folder) throws IOException {
        study = new StudyFolder(folder);
    }

    @Test
    void tasksRunInWorkerProcessesWhoseLinesNameTheirTaskAndAFailingTaskStopsTheRunWithExitStatusOne() throws IOException {
        assertEquals(1, study.transferlab("run", "--jobs", "2"));

        List<String> printed = study.stdout();
        assertEquals("started 2 workers, 1 thread each, for 4 tasks", printed.get(0));
        for (String id : List.of("pretrain/linear@a", "pretrain/linear@b")) {
            assertTrue(printed.stream().anyMatch(line -> line.matches("\\[\\d/4] " + id + ": running \\(worker \\d\\)")),
                    printed.toString());
            assertTrue(printed.stream().anyMatch(line -> line.matches("\\[\\d/4] " + id + ": done in \\S+ s \\(worker \\d\\)")),
                    printed.toString());
            assertTrue(printed.stream().filter(line -> line.contains(id + " epoch 1/1"))
                    .allMatch(line -> line.startsWith("[" + id + "] ")), "a worker's lines carry its task's id: " + printed);
        }
        String error = study.err().get(0);
        assertTrue(error.matches("error: attack/linear@[ab]/study-attack failed: the study's attack is only planned"), error);
        String failed = error.substring("error: ".length(), error.indexOf(" failed"));
        String model = failed.substring("attack/".length(), failed.lastIndexOf('/'));
        assertTrue(Files.isRegularFile(study.output.resolve("study/models/pretrain~" + model + "/done.json")), "its dependency is kept");
        assertTrue(Files.isRegularFile(study.output.resolve("study/failures/adversarial/" + model + "~study-attack.json")));
        assertFalse(Files.exists(study.output.resolve("study/results.csv")));

        assertEquals(0, study.transferlab("status"));
        List<String> status = study.out();
        assertTrue(status.stream().anyMatch(line -> line.matches("attack {12}0 {8}0 {8}0 {8}[12] {8}[01]")), status.toString());
        assertTrue(status.contains("  " + failed + "  the study's attack is only planned"), status.toString());
    }

    @Test
    void theJobsExecutorNeedsAWorkerCountAndTheSlurmOptionsNeedSlurm() {
        assertEquals(2, study.transferlab("run", "--executor", "jobs"));
        assertEquals(List.of("error: --executor jobs needs --jobs N, the number of worker processes"), study.err());
        assertEquals(2, study.transferlab("run", "--executor", "slurm", "--jobs", "2"));
        assertEquals("error: --jobs is for --executor jobs, not --executor slurm", study.err().get(1));
        assertEquals(2, study.transferlab("run", "--jobs", "2", "--wait"));
        assertEquals("error: --wait is for --executor slurm, not --executor jobs", study.err().get(2));
        assertEquals(2, study.transferlab("run", "--jobs", "0"));
        assertEquals("error: --jobs must be at least 1, got 0", study.err().get(3));
        assertFalse(Files.exists(study.output), "nothing was written");
    }

    @Test
    void aWorkerStartedByHandRefusesToRunWithoutItsCoordinator() {
        assertEquals(2, study.transferlab("task", "worker"));
        assertEquals(List.of("error: transferlab task worker runs only as a worker of transferlab run --jobs N, which "
                + "holds " + study.output.resolve("study") + " for it; to run one task, use transferlab task run ID"), study.err());
    }
}
