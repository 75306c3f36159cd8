package org.transferlab.kernel.exec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.CompareTask;
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TrainTask;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * Executes a task graph in dependency order. A task whose directory holds a committed cache key equal to its own is
 * skipped; every other task runs in a temporary directory that is renamed into place only when it is complete. A
 * requested {@link Cancellation} stops the run at the next safe point (a training step, an attack batch, or between
 * tasks): the task in progress is discarded and every committed one is kept.
 */
public final class Runner {

    private final RunContext context;
    private final PrintStream out;
    private final Function<String, TrainingListener> listeners;

    /** {@code downloads} follows the downloads of dataset files, when the options allow them. */
    public Runner(ExperimentConfig config, PluginCatalog plugins, TaskGraph graph, RunOptions options, PrintStream out,
            Function<String, TrainingListener> listeners, TransferProgress downloads, Cancellation cancellation) {
        DataContext data = new DataContext(options.dataRoot(), options.download(), downloads);
        this.context = new RunContext(config, plugins, graph, new Datasets(config.datasets(), plugins, data), options,
                Objects.requireNonNull(cancellation, "cancellation is null"));
        this.out = Objects.requireNonNull(out, "out is null");
        this.listeners = Objects.requireNonNull(listeners, "listeners is null");
    }

    /**
     * Whether a task's artefacts are present, were made from exactly its current settings, and from the artefacts its
     * dependencies hold now: a dependency run again (with {@code --force}) makes its dependents stale even when its key
     * did not change, since its new files need not be bit-for-bit the old ones.
     */
    public static boolean isCached(Task task, Path runDirectory) {
        Optional<ArtefactDirectory.Committed> committed = ArtefactDirectory.committed(runDirectory.resolve(task.directory()));
        return committed.isPresent() && committed.get().cacheKey().equals(task.cacheKey())
                && committed.get().inputs().keySet().equals(Set.copyOf(task.dependencies()))
                && madeFromCurrentInputs(committed.get(), runDirectory);
    }

    /** Whether every input still holds the commit that was read, and was itself made from current inputs. */
    private static boolean madeFromCurrentInputs(ArtefactDirectory.Committed committed, Path runDirectory) {
        for (ArtefactDirectory.Input input : committed.inputs().values()) {
            Optional<ArtefactDirectory.Committed> now = ArtefactDirectory.committed(runDirectory.resolve(input.directory()));
            if (now.isEmpty() || !now.get().commitId().equals(input.commitId())
                    || !madeFromCurrentInputs(now.get(), runDirectory)) {
                return false;
            }
        }
        return true;
    }

    /** The dependencies of the selected tasks that are neither selected nor cached, by the task that needs them. */
    public static Map<String, List<String>> missingDependencies(TaskGraph graph, Predicate<Task> selected,
            Path runDirectory) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Task task : graph.tasks()) {
            if (!selected.test(task)) {
                continue;
            }
            for (String dependency : task.dependencies()) {
                Task needed = graph.task(dependency).orElseThrow();
                if (!selected.test(needed) && !isCached(needed, runDirectory)) {
                    missing.computeIfAbsent(task.id(), id -> new ArrayList<>()).add(dependency);
                }
            }
        }
        return missing;
    }

    /**
     * Runs the selected tasks (and nothing else; their dependencies must be cached or selected too), after removing the
     * working directories that a killed run left anywhere in the run directory.
     *
     * @return the ids of the tasks that were executed, in order
     * @throws CancelledException when the cancellation was requested; the task in progress was discarded
     */
    public List<String> run(Predicate<Task> selected) {
        removeAbandonedWork(context.options().runDirectory(), 3);
        return runInOrder(context.graph().tasks().stream().filter(selected).toList());
    }

    /**
     * Runs one task, as one job of a cluster scheduler does. Other jobs may be writing next to it, so only this task's
     * own abandoned working directories are removed.
     *
     * @return whether the task was executed (false when it was cached)
     * @throws CancelledException when the cancellation was requested; the task was discarded
     */
    public boolean runTask(Task task) {
        Path target = context.directoryOf(task);
        removeAbandonedWork(target.getParent(), 1, name -> ArtefactDirectory.isWorkingNameOf(name, target));
        return !runInOrder(List.of(task)).isEmpty();
    }

    private List<String> runInOrder(List<Task> tasks) {
        List<String> executed = new ArrayList<>();
        int position = 0;
        try (InferenceModels models = new InferenceModels(context)) {
            for (Task task : tasks) {
                position++;
                if (!context.options().force() && isCached(task, context.options().runDirectory())) {
                    out.printf("[%d/%d] %s: cached%n", position, tasks.size(), task.id());
                    continue;
                }
                for (String dependency : task.dependencies()) {
                    if (!isCached(context.graph().task(dependency).orElseThrow(), context.options().runDirectory())) {
                        throw new IllegalStateException(task.id() + " needs " + dependency + ", which has not been run yet");
                    }
                }
                context.cancellation().check();
                out.printf("[%d/%d] %s: running%n", position, tasks.size(), task.id());
                long started = System.nanoTime();
                try {
                    execute(task, models);
                } catch (CancelledException e) {
                    out.printf("[%d/%d] %s: stopped, its unfinished work discarded%n", position, tasks.size(), task.id());
                    throw e;
                }
                out.printf("[%d/%d] %s: done in %.1f s%n", position, tasks.size(), task.id(), (System.nanoTime() - started) / 1e9);
                executed.add(task.id());
            }
        }
        return executed;
    }
    /** The commits of the dependencies this task is about to read. */
    private Map<String, ArtefactDirectory.Input> inputs(Task task) {
        Map<String, ArtefactDirectory.Input> inputs = new LinkedHashMap<>();
        for (String dependency : task.dependencies()) {
            Task needed = context.graph().task(dependency).orElseThrow();
            String commit = ArtefactDirectory.committed(context.directoryOf(needed))
                    .orElseThrow(() -> new IllegalStateException(task.id() + " needs " + dependency + ", which is not committed"))
                    .commitId();
            inputs.put(dependency, new ArtefactDirectory.Input(needed.directory(), commit));
        }
        return inputs;
    }

    private void execute(Task task, InferenceModels models) {
        Path target = context.directoryOf(task);
        Path working = ArtefactDirectory.begin(target);
        boolean committed = false;
        try {
            Map<String, Object> summary;
            if (task instanceof TrainTask train) {
                models.close(); // frees the inference graph while training, and never serves weights about to be replaced
                summary = new TrainExecutor(context, listeners.apply(task.id())).execute(train, working);
            } else if (task instanceof AttackTask attack) {
                summary = new AttackExecutor(context, models).execute(attack, working);
            } else if (task instanceof EvaluateTask evaluate) {
                summary = new EvaluateExecutor(context, models).execute(evaluate, working);
            } else {
                summary = new CompareExecutor(context).execute((CompareTask) task, working);
            }
            ArtefactDirectory.commit(working, target, task.cacheKey(), inputs(task), summary);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(task.id() + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                ArtefactDirectory.abandon(working);
            }
        }
    }

    /**
     * Working directories and half-written files left by a killed run are never trusted; they are removed before
     * anything else runs. {@code leftover} says which names below {@code root} are such leftovers.
     */
    private static void removeAbandonedWork(Path root, int depth, Predicate<String> leftover) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root, depth)) {
            for (Path path : paths.filter(p -> leftover.test(p.getFileName().toString())).toList()) {
                if (Files.isDirectory(path)) {
                    ArtefactDirectory.abandon(path);
                } else {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }

    private static void removeAbandonedWork(Path root, int depth) {
        removeAbandonedWork(root, depth, ArtefactDirectory::isWorkingName);
    }
}
