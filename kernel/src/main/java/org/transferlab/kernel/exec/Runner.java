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
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.lock.LockedException;
import org.transferlab.kernel.lock.TaskLock;
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
     * Whether a task's artefacts are present and undamaged (every file as its checksum says), were made from exactly its
     * current settings, and from the artefacts its dependencies hold now: a dependency run again (with {@code --force},
     * or because a file of it was damaged) makes its dependents stale even when its key did not change, since its new
     * files need not be bit-for-bit the old ones.
     */
    public static boolean isCached(Task task, Path runDirectory) {
        return isCached(task.directory(), task.cacheKey(), task.dependencies(), runDirectory);
    }

    /** {@link #isCached(Task, Path)} for a task known by its directory, cache key and dependencies, as a manifest lists it. */
    public static boolean isCached(String directory, String cacheKey, List<String> dependencies, Path runDirectory) {
        Optional<ArtefactDirectory.Committed> committed = ArtefactDirectory.committed(runDirectory.resolve(directory));
        return committed.isPresent() && committed.get().cacheKey().equals(cacheKey)
                && committed.get().inputs().keySet().equals(Set.copyOf(dependencies))
                && madeFromCurrentInputs(committed.get(), runDirectory)
                && ArtefactDirectory.damage(runDirectory.resolve(directory), committed.get()).isEmpty();
    }

    /**
     * The tasks among {@code tasks} (in plan order) that must run: forced, not cached, or depending on one that must
     * run, since a task run again (its file damaged, say) makes everything made from it stale once it commits.
     */
    public static Set<String> toRun(List<Task> tasks, boolean force, Path runDirectory) {
        Set<String> run = new java.util.HashSet<>();
        for (Task task : tasks) {
            if (force || task.dependencies().stream().anyMatch(run::contains) || !isCached(task, runDirectory)) {
                run.add(task.id());
            }
        }
        return run;
    }

    /** What is damaged in the committed artefacts of {@code task}, if it was committed and anything is. */
    static Optional<String> damage(Task task, Path runDirectory) {
        Path directory = runDirectory.resolve(task.directory());
        return ArtefactDirectory.committed(directory).flatMap(committed -> ArtefactDirectory.damage(directory, committed));
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
     * Runs the selected tasks (and nothing else; their dependencies must be cached or selected too), after removing what
     * killed processes left anywhere in the run directory; for a process that holds the run directory alone.
     *
     * @return the ids of the tasks that were executed, in order
     * @throws CancelledException when the cancellation was requested; the task in progress was discarded
     */
    public List<String> run(Predicate<Task> selected) {
        removeAbandonedWork(context.options().runDirectory(), out);
        return runInOrder(context.graph().tasks().stream().filter(selected).toList());
    }

    /**
     * Removes what killed processes left anywhere in the run directory, except the working directories of tasks that a
     * live process runs; for a process that holds the run directory alone.
     */
    public static void removeAbandonedWork(Path runDirectory, PrintStream out) {
        for (Path live : AbandonedWork.sweep(runDirectory)) {
            out.println("left alone: " + runDirectory.relativize(live) + " (its task is being run by another live process)");
        }
    }

    /**
     * Runs one task, as one job of a cluster scheduler does. Other jobs may be writing next to it, so only this task's
     * own abandoned working directories are removed, under the task's lock.
     *
     * @return whether the task was executed (false when it was cached)
     * @throws CancelledException when the cancellation was requested; the task was discarded
     * @throws LockedException when another process runs the task and did not end within the options' lock wait
     */
    public boolean runTask(Task task) {
        return !runInOrder(List.of(task)).isEmpty();
    }

    private List<String> runInOrder(List<Task> tasks) {
        List<String> executed = new ArrayList<>();
        int position = 0;
        try (Session session = session()) {
            for (Task task : tasks) {
                position++;
                if (session.run(task, "[" + position + "/" + tasks.size() + "] " + task.id())) {
                    executed.add(task.id());
                }
            }
        }
        return executed;
    }

    /** What stops this runner's work at its next safe point. */
    public Cancellation cancellation() {
        return context.cancellation();
    }

    /** Tasks run one at a time as they come, as a worker process runs them, keeping the last model open in between. */
    public Session session() {
        return new Session();
    }

    /** Runs tasks one at a time; the most recently used trained model stays open until the next one is needed. */
    public final class Session implements AutoCloseable {

        private final InferenceModels models = new InferenceModels(context);

        private Session() {
        }

        /**
         * Runs {@code task} unless it is cached, under its lock; the lines printed about it start with {@code label}.
         *
         * @return whether it was executed
         * @throws CancelledException when the cancellation was requested; the task was discarded
         * @throws LockedException when another process runs the task and did not end within the options' lock wait
         */
        public boolean run(Task task, String label) {
            Path runDirectory = context.options().runDirectory();
            if (!context.options().force() && isCached(task, runDirectory)) {
                out.println(label + ": cached");
                return false;
            }
            damage(task, runDirectory).ifPresent(damage -> out.println(label + ": its stored artefacts are damaged: "
                    + damage + "; running it again, and every task that used them"));
            for (String dependency : task.dependencies()) {
                if (!isCached(context.graph().task(dependency).orElseThrow(), runDirectory)) {
                    throw new IllegalStateException(task.id() + " needs " + dependency + ", which has not been run yet");
                }
            }
            context.cancellation().check();
            try (TaskLock lock = lock(task)) {
                if (!context.options().force() && isCached(task, runDirectory)) {
                    out.println(label + ": cached (run by another process meanwhile)");
                    return false;
                }
                AbandonedWork.sweep(runDirectory, task);
                out.println(label + ": running");
                long started = System.nanoTime();
                try {
                    execute(task, models);
                } catch (CancelledException e) {
                    out.println(label + ": stopped, its unfinished work discarded");
                    throw e;
                }
                out.printf("%s: done in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
                return true;
            }
        }

        @Override
        public void close() {
            models.close();
        }
    }

    /** The task's lock, once whoever else runs it has ended. */
    private TaskLock lock(Task task) {
        Path runDirectory = context.options().runDirectory();
        return TaskLock.acquire(runDirectory, task.directory(), task.id(), context.options().taskLockWait(), out::println)
                .orElseThrow(() -> new LockedException(task.id() + " is being run by "
                        + TaskLock.holder(runDirectory, task.directory()).map(LockHolder::describe).orElse("another process")
                        + "; it was not run a second time"));
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
        Path working = ArtefactDirectory.begin(target, LockHolder.thisProcess(task.id()));
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
            TaskFailures.clear(context.options().runDirectory(), task);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException(task.id() + ": " + e.getMessage(), e);
            TaskFailures.record(context.options().runDirectory(), task, failure);
            throw failure;
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            TaskFailures.record(context.options().runDirectory(), task, e);
            throw e;
        } finally {
            if (!committed) {
                ArtefactDirectory.abandon(working);
            }
        }
    }
}
