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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.StepResult;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TaskKind;
import org.transferlab.kernel.plugin.PluginRegistry;

class RunnerTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.fromClassPath(RunnerTest.class.getClassLoader());

    @TempDir
    Path runDirectory;

    private final ExperimentConfig config = StudyPlugins.config(PLUGINS);
    private final TaskGraph graph = new Planner(config, PLUGINS).plan();
    private final Task first = graph.task("pretrain/linear@a").orElseThrow();
    private final Task second = graph.task("pretrain/linear@b").orElseThrow();
    private final Cancellation cancellation = new Cancellation();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private Runner runner(TrainingListener listener, boolean force) {
        return runner(config, graph, listener, force);
    }

    private Runner runner(ExperimentConfig otherConfig, TaskGraph otherGraph, boolean force) {
        return runner(otherConfig, otherGraph, TrainingListener.NONE, force);
    }

    private Runner runner(ExperimentConfig otherConfig, TaskGraph otherGraph, TrainingListener listener, boolean force) {
        RunOptions options = new RunOptions(runDirectory, runDirectory.resolve("data"), false, RuntimeOptions.cpu(1), force);
        return new Runner(otherConfig, PLUGINS, otherGraph, options, new PrintStream(printed, true), id -> listener,
                TransferProgress.NONE, cancellation);
    }

    private static boolean pretraining(Task task) {
        return task.kind() == TaskKind.PRETRAIN;
    }

    @Test
    void aCancelledRunnerDiscardsTheTaskInProgressAndKeepsTheCommittedOnes() throws IOException {
        List<Integer> batches = new ArrayList<>();
        TrainingListener cancelDuringSecondTask = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, StepResult result) {
                batches.add(batch);
                if (batches.size() == 4 + 1) { // the first task trains 4 batches of 8
                    cancellation.request("test");
                }
            }
        };

        CancelledException stopped = assertThrows(CancelledException.class,
                () -> runner(cancelDuringSecondTask, false).run(RunnerTest::pretraining));

        assertEquals("test", stopped.reason());
        assertEquals(List.of(1, 2, 3, 4, 1), batches, "the second task stops after its current batch");
        assertTrue(Runner.isCached(first, runDirectory));
        assertFalse(Files.exists(runDirectory.resolve(second.directory())));
        assertEquals(List.of("pretrain~linear@a"), entries(runDirectory.resolve("models")), "no working directory is left");
        assertTrue(printed.toString().contains("[2/2] pretrain/linear@b: stopped, its unfinished work discarded"),
                printed.toString());
    }

    @Test
    void aCancellationBetweenTasksStartsNoOtherTask() {
        TrainingListener cancelAfterFirstTask = new TrainingListener() {
            @Override
            public void epochFinished(EpochRecord record) {
                cancellation.request("test");
            }
        };

        assertThrows(CancelledException.class, () -> runner(cancelAfterFirstTask, false).run(RunnerTest::pretraining));

        assertTrue(Runner.isCached(first, runDirectory), "a task whose training finished is still committed");
        assertFalse(Files.exists(runDirectory.resolve("models/pretrain~linear@b")));
        assertFalse(printed.toString().contains("pretrain/linear@b: running"), printed.toString());
    }

    @Test
    void aRunRemovesTheWorkThatAKilledRunLeftBehind() throws IOException {
        Path working = Files.createDirectories(runDirectory.resolve("adversarial/.linear@a~study-attack.tmp-1234"));
        Files.writeString(working.resolve("adversarial.npy"), "half");
        Path stale = Files.createDirectories(runDirectory.resolve("models/.pretrain~linear@a.stale-5678"));
        Path halfWritten = Files.writeString(runDirectory.resolve(".results.csv.tmp-3c5f9a"), "target,sou");

        runner(TrainingListener.NONE, false).run(RunnerTest::pretraining);

        assertFalse(Files.exists(working));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(halfWritten));
        assertEquals(List.of("pretrain~linear@a", "pretrain~linear@b"), entries(runDirectory.resolve("models")));
    }

    @Test
    void runningOneTaskRemovesOnlyItsOwnLeftoversSinceOtherJobsMayBeWriting() throws IOException {
        Path own = Files.createDirectories(runDirectory.resolve("models/.pretrain~linear@a.tmp-1234"));
        Path anotherJobs = Files.createDirectories(runDirectory.resolve("models/.pretrain~linear@b.tmp-5678"));
        // A sibling whose name only starts like this task's (an alias with a dot in it) is another job's too.
        Path alikeJobs = Files.createDirectories(runDirectory.resolve("models/.pretrain~linear@a.v2.tmp-9abc"));

        assertTrue(runner(TrainingListener.NONE, false).runTask(first));

        assertFalse(Files.exists(own));
        assertTrue(Files.exists(anotherJobs));
        assertTrue(Files.exists(alikeJobs));
        assertFalse(runner(TrainingListener.NONE, false).runTask(first), "a cached task is not run again");
        assertTrue(runner(TrainingListener.NONE, true).runTask(first), "unless forced");
    }

    @Test
    void aDependencyRunAgainMakesItsDependentsStaleThoughNoKeyChanged() throws Exception {
        ExperimentConfig withFineTuning = ConfigLoader.load(StudyPlugins.STUDY.replace("attack:\n",
                "finetune:\n  - { from: { models: [linear], datasets: [a] }, dataset: b, subset: [16], recipe: quick }\nattack:\n"),
                "study.yaml", PLUGINS).config();
        TaskGraph chain = new Planner(withFineTuning, PLUGINS).plan();
        Task parent = chain.task("pretrain/linear@a").orElseThrow();
        Task child = chain.task("finetune/linear@a>b-n16-none").orElseThrow();
        runner(withFineTuning, chain, false).run(task -> task == parent || task == child);
        assertTrue(Runner.isCached(child, runDirectory));

        runner(withFineTuning, chain, true).runTask(parent);

        assertTrue(Runner.isCached(parent, runDirectory));
        assertFalse(Runner.isCached(child, runDirectory), "the fine-tuned model started from weights since replaced");
        runner(withFineTuning, chain, false).runTask(child);
        assertTrue(Runner.isCached(child, runDirectory));
    }

    @Test
    void missingDependenciesAreThoseNeitherSelectedNorCached() {
        Task attack = graph.tasks().stream().filter(task -> task.kind() == TaskKind.ATTACK)
                .filter(task -> task.dependencies().contains(first.id())).findFirst().orElseThrow();

        assertEquals(List.of(first.id()), Runner.missingDependencies(graph, attack::equals, runDirectory).get(attack.id()));
        assertTrue(Runner.missingDependencies(graph, task -> task == attack || task == first, runDirectory).isEmpty());
        runner(TrainingListener.NONE, false).runTask(first);
        assertTrue(Runner.missingDependencies(graph, attack::equals, runDirectory).isEmpty());
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
