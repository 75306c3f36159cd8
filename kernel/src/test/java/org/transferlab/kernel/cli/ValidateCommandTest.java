package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.exec.StudyPlugins;

/** {@code validate} builds the task graph: what cannot be planned is bad input, located, for every command. */
class ValidateCommandTest {

    private static final String TWICE = StudyPlugins.STUDY.replace(
            "  - { models: [linear], datasets: [a, b], recipe: quick }\n",
            "  - { models: [linear], datasets: [a, b], recipe: quick }\n"
                    + "  - { models: [linear], datasets: [b], recipe: quick }\n");

    @Test
    void aTaskDeclaredTwiceIsReportedWithItsPositionAndExitStatusTwo(@TempDir Path folder) throws Exception {
        StudyFolder study = new StudyFolder(folder, TWICE);
        assertEquals(2, study.transferlab("validate"));
        String err = String.join("\n", study.err());
        assertTrue(err.contains("study.yaml:13:5: pretrain[1]: declares the task pretrain/linear@b again, already "
                + "declared by pretrain[0]"), err);
        assertTrue(err.contains("1 error; nothing was run."), err);
    }

    @Test
    void planAndRunReportTheSameErrorAndWriteNothing(@TempDir Path folder) throws Exception {
        StudyFolder study = new StudyFolder(folder, TWICE);
        assertEquals(2, study.transferlab("plan"));
        assertEquals(2, study.transferlab("run"));
        assertTrue(String.join("\n", study.err()).contains("pretrain[1]: declares the task"));
        assertFalse(Files.exists(study.output));
    }

    @Test
    void aPlanLargerThanItsLimitIsBadInputNamingTheLimit(@TempDir Path folder) throws Exception {
        StudyFolder study = new StudyFolder(folder, StudyPlugins.STUDY.replace("seed: 5\n", "seed: 5\nmax_tasks: 3\n"));
        assertEquals(2, study.transferlab("validate"));
        String err = String.join("\n", study.err());
        assertTrue(err.contains("study.yaml:3:12: max_tasks: the plan would have 4 tasks, more than the limit of 3"),
                err);
    }
}
