package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.lock.LockHoldingProcess;
import org.transferlab.kernel.lock.LockedException;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TaskKind;
import org.transferlab.kernel.plugin.PluginRegistry;

/** Many processes on one run directory: what a runner leaves to others, and what it refuses to do twice. */
class SharedRunDirectoryTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.fromClassPath(SharedRunDirectoryTest.class.getClassLoader());

    @TempDir
    Path runDirectory;

    private final ExperimentConfig config = StudyPlugins.config(PLUGINS);
    private final TaskGraph graph = new Planner(config, PLUGINS).plan();
    private final Task first = graph.task("pretrain/linear@a").orElseThrow();
    private final Task attack = graph.task("attack/linear@a/study-attack").orElseThrow();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private Runner runner() {
        RunOptions options = new RunOptions(runDirectory, runDirectory.resolve("data"), false, RuntimeOptions.cpu(1),
                false, Duration.ZERO);
        return new Runner(config, PLUGINS, graph, options, new PrintStream(printed, true), id -> TrainingListener.NONE,
                TransferProgress.NONE, new Cancellation());
    }

    @Test
    void aWorkingDirectoryIsSweptOnlyOnceTheProcessThatOwnsItsTaskIsGone() throws Exception {
        Path working = Files.createDirectories(runDirectory.resolve("models/.pretrain~linear@a.tmp-1234"));
        LockHoldingProcess owner = LockHoldingProcess.start("task", runDirectory.toString(), "models/pretrain~linear@a", first.id());

        runner().run(task -> task.id().equals("pretrain/linear@b"));

        assertTrue(Files.exists(working), "a live process is writing it");
        assertTrue(printed.toString().contains("left alone: models/.pretrain~linear@a.tmp-1234 (its task is being run by "
                + "another live process)"), printed.toString());

        owner.kill();
        runner().run(task -> task.id().equals("pretrain/linear@b"));

        assertFalse(Files.exists(working), "its owner was killed with SIGKILL");
    }

    @Test
    void aTaskThatAnotherProcessRunsIsNotRunASecondTime() throws Exception {
        try (LockHoldingProcess other = LockHoldingProcess.start("task", runDirectory.toString(), "models/pretrain~linear@a",
                first.id())) {
            LockedException refused = assertThrows(LockedException.class, () -> runner().runTask(first));

            assertTrue(refused.getMessage().matches("pretrain/linear@a is being run by pid " + other.pid() + " on host "
                    + LockHolder.thisHost() + ", since \\S+; it was not run a second time"), refused.getMessage());
            assertFalse(Files.exists(runDirectory.resolve("models/pretrain~linear@a")), "nothing was written");
        }
        assertTrue(runner().runTask(first), "once the other process is gone, the task runs");
    }

    @Test
    void aWorkingDirectoryRecordsItsOwnerUntilItIsCommitted() throws IOException {
        Path working = ArtefactDirectory.begin(runDirectory.resolve(first.directory()), LockHolder.thisProcess(first.id()));

        var owner = new com.fasterxml.jackson.databind.ObjectMapper().readTree(working.resolve("owner.json").toFile());
        assertEquals(ProcessHandle.current().pid(), owner.path("pid").asLong());
        assertEquals(LockHolder.thisHost(), owner.path("host").asText());
        assertEquals("pretrain/linear@a", owner.path("task").asText());
        assertTrue(owner.path("since").asText().endsWith("Z"), owner.toString());
        ArtefactDirectory.commit(working, runDirectory.resolve(first.directory()), "key", java.util.Map.of(), java.util.Map.of());
        assertEquals(List.of("done.json"), entries(runDirectory.resolve(first.directory())));
    }

    @Test
    void aFailedTaskLeavesARecordOfItsErrorUntilItSucceeds() throws IOException {
        runner().runTask(first);
        assertThrows(UnsupportedOperationException.class, () -> runner().runTask(attack));

        TaskFailures.Failure failure = TaskFailures.of(runDirectory, attack.directory()).orElseThrow();
        assertEquals(attack.id(), failure.taskId());
        assertEquals("the study's attack is only planned", failure.error());
        assertEquals(ProcessHandle.current().pid(), failure.pid());

        Path record = runDirectory.resolve("failures/" + first.directory() + ".json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{\"task\": \"pretrain/linear@a\", \"error\": \"out of memory\"}");
        assertTrue(TaskFailures.of(runDirectory, first.directory()).isEmpty(), "an unreadable record says nothing");
        RunOptions forced = new RunOptions(runDirectory, runDirectory.resolve("data"), false, RuntimeOptions.cpu(1), true);
        new Runner(config, PLUGINS, graph, forced, new PrintStream(printed, true), id -> TrainingListener.NONE,
                TransferProgress.NONE, new Cancellation()).runTask(first);
        assertFalse(Files.exists(record), "the task succeeded since");
    }

    private static List<String> entries(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    static boolean pretraining(Task task) {
        return task.kind() == TaskKind.PRETRAIN;
    }
}
