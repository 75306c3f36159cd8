package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
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

/** {@code run --only} on the study of {@link StudyPlugins}, whose plugins are on the test class path. */
class RunCommandTest {

    private StudyFolder study;

    @BeforeEach
    void writeStudy(@TempDir Path folder) throws IOException {
        study = new StudyFolder(folder);
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
        assertEquals(2, study.transferlab("run", "--only", "atack/*"));
        assertEquals(List.of("error: --only 'atack/*' matches no task of the plan; transferlab plan " + study.file
                + " lists them"), study.err());
    }

    @Test
    void onlySelectingTasksWhoseDependenciesHaveNotRunExitsWithStatusTwoAndRunsNothing() {
        assertEquals(2, study.transferlab("run", "--only", "attack/*", "--force"));
        assertEquals(List.of(
                "error: the selected tasks need tasks that have not been run:",
                "  attack/linear@a/study-attack needs pretrain/linear@a",
                "  attack/linear@b/study-attack needs pretrain/linear@b",
                "run those first, or widen --only to include them"), study.err());
        assertFalse(Files.exists(study.output));
    }
}
