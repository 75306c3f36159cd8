package org.transferlab.kernel.executor.jobs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import org.transferlab.kernel.engine.FeatureCaching;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.executor.TaskFailedException;
import org.transferlab.kernel.executor.TransferlabProcess;
import org.transferlab.kernel.executor.jobs.WorkerProcess.Exited;
import org.transferlab.kernel.executor.jobs.WorkerProcess.Happened;
import org.transferlab.kernel.executor.jobs.WorkerProcess.Logged;
import org.transferlab.kernel.executor.jobs.WorkerProtocol.Event;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;

/**
 * {@code run --jobs N}: the selected tasks run in N worker processes, each its own JVM (TensorFlow sizes its thread
 * pools once per process), a task as soon as every task it depends on is done. This process holds the run directory
 * for its workers and hands them the tasks; each worker's lines are printed with the id of the task it runs. The first
 * task that fails stops the handing out; the tasks already running finish, and the failure is reported. Ctrl-C stops
 * every worker at its next safe point.
 */
public final class JobsExecutor {

    /** How long a worker may take to stop after it was told to; then it is killed (its work is swept later). */
    private static final long STOP_SECONDS = 120;

    private final TaskGraph graph;
    private final Path runDirectory;
    private final int workers;
    private final int threadsPerWorker;
    private final List<String> workerCommand;
    private final LockHolder coordinator;
    private final JobsConsole console;

    /**
     * @param threadsPerWorker  TensorFlow threads of each worker
     * @param coordinator       this process, as the study lock it holds records it
     * @param force             whether the workers run the tasks they are given even when cached
     */
    public JobsExecutor(TaskGraph graph, Path runDirectory, int workers, int threadsPerWorker, TransferlabProcess process,
            StudyInvocation invocation, boolean force, LockHolder coordinator, JobsConsole console) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.graph = requireNonNull(graph, "graph is null");
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.workers = workers;
        this.threadsPerWorker = threadsPerWorker;
        List<String> arguments = new ArrayList<>(List.of("task", "worker"));
        arguments.addAll(invocation.arguments());
        arguments.addAll(List.of("--threads", Integer.toString(threadsPerWorker)));
        if (force) {
            arguments.add("--force");
        }
        this.workerCommand = process.with(arguments);
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.console = requireNonNull(console, "console is null");
    }

    /** The worker processes' TensorFlow threads: the file's {@code runtime.threads}, else an equal share of the cores. */
    public static int threadsPerWorker(int runtimeThreads, int workers) {
        return runtimeThreads > 0 ? runtimeThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }

    /**
     * Runs {@code tasks} (in plan order; their dependencies are among them, or cached), skipping those that are cached
     * unless forced.
     *
     * @return the ids of the tasks that were executed
     * @throws TaskFailedException when a task failed; the tasks that were running finished first
     * @throws CancelledException when the cancellation was requested; the workers stopped at a safe point
     */
    public List<String> run(List<Task> tasks, boolean force, Cancellation cancellation) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Task> pending = new ArrayList<>();
        Set<String> toRun = Runner.toRun(tasks, force, runDirectory);
        for (Task task : tasks) {
            positions.put(task.id(), positions.size() + 1);
            if (!toRun.contains(task.id())) {
                console.line(step(positions, tasks.size(), task.id()) + ": cached");
            } else {
                pending.add(task);
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<String> waitingFor = new HashSet<>(pending.stream().map(Task::id).toList());
        BlockingQueue<WorkerProcess.Message> messages = new LinkedBlockingQueue<>();
        List<WorkerProcess> started = new ArrayList<>();
        List<String> executed = new ArrayList<>();
        int finished = tasks.size() - pending.size();
        TaskFailedException failure = null;
        boolean stopping = false;
        try {
            for (int number = 1; number <= Math.min(workers, pending.size()); number++) {
                started.add(new WorkerProcess(number, workerCommand, Map.of(WorkerProtocol.COORDINATOR_VARIABLE,
                        coordinatorToken(coordinator), FeatureCaching.WORKERS_VARIABLE, Integer.toString(workers)),
                        messages));
            }
            console.line("started " + started.size() + (started.size() == 1 ? " worker" : " workers") + ", "
                    + threadsPerWorker + (threadsPerWorker == 1 ? " thread" : " threads") + " each, for "
                    + pending.size() + (pending.size() == 1 ? " task" : " tasks"));
            while (started.stream().anyMatch(worker -> !worker.hasExited())) {
                if (!stopping && cancellation.isRequested()) {
                    stopping = true;
                    started.forEach(WorkerProcess::stop);
                }
                if (!stopping && failure == null) {
                    dispatch(pending, waitingFor, started, positions, tasks.size());
                }
                boolean busy = started.stream().anyMatch(worker -> worker.task() != null);
                if (!busy && (stopping || failure != null || pending.isEmpty())) {
                    started.forEach(WorkerProcess::release);
                }
                console.progress(finished, tasks.size(), running(started));
                WorkerProcess.Message message = messages.poll(200, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                WorkerProcess worker = message.worker();
                if (message instanceof Logged logged) {
                    worker.remember(logged.line());
                    if (!isRunnerEcho(worker, logged.line())) {
                        console.line((worker.task() == null ? "[worker " + worker.number + "]" : "[" + worker.task() + "]")
                                + " " + logged.line());
                    }
                } else if (message instanceof Happened happened) {
                    Event event = happened.event();
                    switch (event.kind()) {
                        case READY -> worker.markReady();
                        case DONE, CACHED -> {
                            worker.finished();
                            waitingFor.remove(event.taskId());
                            finished++;
                            if (event.kind() == Event.Kind.DONE) {
                                executed.add(event.taskId());
                            }
                            console.line(step(positions, tasks.size(), event.taskId()) + (event.kind() == Event.Kind.DONE
                                    ? ": done in " + event.detail() + " s (worker " + worker.number + ")"
                                    : ": cached (run by another process meanwhile)"));
                        }
                        case FAILED -> {
                            worker.finished();
                            console.line(step(positions, tasks.size(), event.taskId()) + ": failed (worker "
                                    + worker.number + "): " + event.detail());
                            if (failure == null) {
                                failure = new TaskFailedException(event.taskId(), event.detail());
                            }
                        }
                        case STOPPED -> {
                            worker.finished();
                            console.line(step(positions, tasks.size(), event.taskId())
                                    + ": stopped, its unfinished work discarded");
                        }
                    }
                } else if (message instanceof Exited exited) {
                    worker.markExited();
                    String task = worker.task();
                    worker.finished();
                    boolean expected = stopping || failure != null || (pending.isEmpty() && task == null);
                    if (!expected || task != null) {
                        String what = task != null ? "while it ran " + task : "before it was given the last tasks";
                        console.line("[worker " + worker.number + "] exited with status " + exited.status() + " " + what
                                + ":" + System.lineSeparator() + worker.lastLines());
                        if (failure == null && !stopping) {
                            failure = new TaskFailedException(task != null ? task : "worker " + worker.number,
                                    "worker " + worker.number + " exited with status " + exited.status());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.request("an interrupt");
            stopping = true;
        } finally {
            for (WorkerProcess worker : started) {
                worker.release();
            }
            for (WorkerProcess worker : started) {
                try {
                    worker.awaitExit(STOP_SECONDS);
                } catch (InterruptedException e) {
                    worker.kill();
                    Thread.currentThread().interrupt();
                }
            }
            console.close();
        }
        if (stopping) {
            cancellation.check();
        }
        if (failure != null) {
            throw failure;
        }
        if (!waitingFor.isEmpty()) {
            throw new TaskFailedException(waitingFor.iterator().next(), "the workers ended before it ran");
        }
        return executed;
    }

    /** Hands every task whose dependencies are done to an idle worker, in plan order. */
    private void dispatch(List<Task> pending, Set<String> waitingFor, List<WorkerProcess> started,
            Map<String, Integer> positions, int total) {
        for (WorkerProcess worker : started) {
            if (!worker.isIdle()) {
                continue;
            }
            Task ready = pending.stream()
                    .filter(task -> task.dependencies().stream().noneMatch(waitingFor::contains))
                    .findFirst().orElse(null);
            if (ready == null) {
                return;
            }
            pending.remove(ready);
            worker.run(ready.id(), ready.cacheKey());
            console.line(step(positions, total, ready.id()) + ": running (worker " + worker.number + ")");
        }
    }

    /** The runner's own lines about the task a worker runs, which the events above already tell. */
    private static boolean isRunnerEcho(WorkerProcess worker, String line) {
        String task = worker.task();
        return task != null && (line.equals(task + ": running") || line.startsWith(task + ": done in ")
                || line.startsWith(task + ": cached") || line.startsWith(task + ": stopped"));
    }

    private static List<String> running(List<WorkerProcess> workers) {
        return workers.stream().map(WorkerProcess::task).filter(java.util.Objects::nonNull).toList();
    }

    private static String step(Map<String, Integer> positions, int total, String id) {
        return "[" + positions.getOrDefault(id, 0) + "/" + total + "] " + id;
    }

    /** The environment variable that tells a worker who its coordinator is. */
    public static final String COORDINATOR_VARIABLE = WorkerProtocol.COORDINATOR_VARIABLE;

    /** What a worker compares with the study lock's record to know that its coordinator holds the run directory. */
    public static String coordinatorToken(LockHolder holder) {
        return holder.host() + " " + holder.pid() + " " + holder.since();
    }
}
