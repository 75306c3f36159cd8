package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.exec.StudyPlugins;
import picocli.CommandLine;

/** {@code task run ID [FILE]} on the study of {@link StudyPlugins}, whose plugins are on the test class path. */
class TaskRunCommandTest {

    private static final String ATTACK = "attack/linear@a/study-attack";

    @TempDir
    Path folder;

    private Path file;
    private Path output;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeStudy() throws IOException {
        file = Files.writeString(folder.resolve("study.yaml"), StudyPlugins.STUDY);
        output = folder.resolve("runs");
    }

    private int transferlab(String... arguments) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void anUnknownIdExitsWithStatusTwoAndSuggestsTheClosestTask() {
        assertEquals(2, transferlab("task", "run", "pretrain/linaer@a", file.toString(), "--output", output.toString()));
        assertEquals(List.of("error: no task 'pretrain/linaer@a' in the plan of " + file
                + "; did you mean 'pretrain/linear@a'?"), err.toString().lines().toList());
    }

    @Test
    void anIdLikeNoTaskPointsToThePlan() {
        assertEquals(2, transferlab("task", "run", "finetune/everything", file.toString()));
        assertEquals(List.of("error: no task 'finetune/everything' in the plan of " + file + "; transferlab plan "
                + file + " lists the tasks"), err.toString().lines().toList());
    }

    @Test
    void aTaskWhoseDependencyHasNotRunExitsWithStatusTwoNamingTheCommandThatRunsIt() {
        assertEquals(2, transferlab("task", "run", ATTACK, file.toString(), "--output", output.toString()));
        assertEquals(List.of(
                "error: " + ATTACK + " needs a task that has not been run; run it first:",
                "  transferlab task run 'pretrain/linear@a' " + file + " --output " + output),
                err.toString().lines().toList());
        assertFalse(Files.exists(output), "nothing was written");
    }

    @Test
    void aCachedTaskIsReportedAndNotRunAgainUnlessForced() throws IOException {
        assertEquals(0, transferlab("task", "run", "pretrain/linear@a", file.toString(), "--output", output.toString()));
        Path model = output.resolve("study/models/linear@a");
        assertTrue(Files.isRegularFile(model.resolve("weights.npz")));
        assertFalse(Files.exists(output.resolve("study/models/linear@b")), "exactly the one task ran");
        Path marker = Files.writeString(model.resolve("marker"), "left by this test");

        assertEquals(0, transferlab("task", "run", "pretrain/linear@a", file.toString(), "--output", output.toString()));
        assertEquals(List.of("pretrain/linear@a: cached, nothing to run (--force runs it again)"), out.toString().lines().toList());
        assertTrue(Files.exists(marker), "the cached task's directory is untouched");

        assertEquals(0, transferlab("task", "run", "pretrain/linear@a", file.toString(), "--output", output.toString(),
                "--force"));
        assertFalse(Files.exists(marker), "--force replaced the directory");
        assertTrue(Files.isRegularFile(model.resolve("weights.npz")));
        assertEquals("", err.toString());
    }

    @Test
    void onceItsDependencyRanTheTaskRuns() {
        assertEquals(0, transferlab("task", "run", "pretrain/linear@a", file.toString(), "--output", output.toString()));
        assertEquals(1, transferlab("task", "run", ATTACK, file.toString(), "--output", output.toString()));
        assertEquals(List.of("error: the study's attack is only planned"), err.toString().lines().limit(1).toList(),
                "past the dependency check, the study's attack plugin refuses to run");
    }
}
