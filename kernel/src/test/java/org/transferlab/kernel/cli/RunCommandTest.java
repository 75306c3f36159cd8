package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.exec.StudyPlugins;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine;

/** {@code run --only} on the study of {@link StudyPlugins}, whose plugins are on the test class path. */
class RunCommandTest {

    @TempDir
    Path folder;

    private Path file;
    private Path output;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeStudy() throws IOException {
        file = Files.writeString(folder.resolve("study.yaml"), StudyPlugins.STUDY);
        output = folder.resolve("runs");
    }

    private int transferlab(String... arguments) {
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void onlyStarMatchesAnyCharactersSlashesIncluded() throws Exception {
        PluginRegistry plugins = PluginRegistry.fromClassPath(getClass().getClassLoader());
        TaskGraph graph = new Planner(ConfigLoader.load(StudyPlugins.STUDY, "study.yaml", plugins).config(), plugins).plan();

        assertEquals(List.of("attack/linear@a/study-attack", "attack/linear@b/study-attack"), matching(graph, "attack/*"));
        assertEquals(List.of("pretrain/linear@a", "attack/linear@a/study-attack"), matching(graph, "*linear@a*"));
        assertEquals(List.of("pretrain/linear@a", "pretrain/linear@b"), matching(graph, "pretrain/linear@?"));
        assertEquals(List.of(), matching(graph, "attack"), "a glob matches whole ids");
    }

    private static List<String> matching(TaskGraph graph, String glob) {
        return graph.tasks().stream().filter(new TaskGlob(glob)).map(Task::id).toList();
    }

    @Test
    void onlyMatchingNoTaskExitsWithStatusTwo() {
        assertEquals(2, transferlab("run", file.toString(), "--output", output.toString(), "--only", "atack/*"));
        assertEquals(List.of("error: --only 'atack/*' matches no task of the plan; transferlab plan " + file
                + " lists them"), err.toString().lines().toList());
    }

    @Test
    void onlySelectingTasksWhoseDependenciesHaveNotRunExitsWithStatusTwoAndRunsNothing() {
        assertEquals(2, transferlab("run", file.toString(), "--output", output.toString(), "--only", "attack/*", "--force"));
        assertEquals(List.of(
                "error: the selected tasks need tasks that have not been run:",
                "  attack/linear@a/study-attack needs pretrain/linear@a",
                "  attack/linear@b/study-attack needs pretrain/linear@b",
                "run those first, or widen --only to include them"), err.toString().lines().toList());
        assertFalse(Files.exists(output));
    }
}
