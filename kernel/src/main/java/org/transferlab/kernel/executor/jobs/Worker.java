package org.transferlab.kernel.executor.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.jobs.WorkerProtocol.Event;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;

/**
 * A worker process of {@code run --jobs N}: runs the tasks its coordinator sends, one at a time, until its input ends.
 * The coordinator holds the run directory for it. A {@code stop} line, and the end of the input (the coordinator is
 * gone, however it ended), stop the task in progress at its next safe point.
 */
public final class Worker {

    private static final String END = "\0end";

    private final TaskGraph graph;
    private final PrintStream events;
    private final Cancellation cancellation;
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();

    public Worker(TaskGraph graph, PrintStream events, Cancellation cancellation) {
        this.graph = graph;
        this.events = events;
        this.cancellation = cancellation;
    }

    /**
     * Serves the commands read from {@code input}.
     *
     * @throws CancelledException when told to stop, or when the coordinator went away, while a task ran
     */
    public void serve(Runner runner, BufferedReader input) {
        Thread reader = new Thread(() -> read(input), "coordinator commands");
        reader.setDaemon(true);
        reader.start();
        emit(new Event(Event.Kind.READY, null, null));
        try (Runner.Session session = runner.session()) {
            while (true) {
                String command = next();
                if (command.equals(END)) {
                    return;
                }
                String[] parts = command.split(" ");
                if (parts.length != 3 || !parts[0].equals(WorkerProtocol.RUN)) {
                    continue;
                }
                run(session, parts[1], parts[2]);
            }
        }
    }

    private void run(Runner.Session session, String id, String cacheKey) {
        Optional<Task> task = graph.task(id);
        if (task.isEmpty() || !task.get().cacheKey().equals(cacheKey)) {
            emit(new Event(Event.Kind.FAILED, id, "this worker planned " + (task.isEmpty() ? "no such task"
                    : "it with another cache key") + "; was the experiment file changed while the study ran?"));
            return;
        }
        long started = System.nanoTime();
        try {
            boolean executed = session.run(task.get(), id);
            emit(executed ? new Event(Event.Kind.DONE, id, String.format(java.util.Locale.ROOT, "%.1f",
                    (System.nanoTime() - started) / 1e9)) : new Event(Event.Kind.CACHED, id, null));
        } catch (CancelledException e) {
            emit(new Event(Event.Kind.STOPPED, id, e.reason()));
            throw e;
        } catch (RuntimeException e) {
            emit(new Event(Event.Kind.FAILED, id, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private String next() {
        try {
            return commands.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    private void read(BufferedReader input) {
        try {
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                if (line.equals(WorkerProtocol.STOP)) {
                    cancellation.request("a stop from the coordinator");
                } else {
                    commands.add(line);
                }
            }
        } catch (IOException e) {
            // the same as the end of the input
        }
        cancellation.request("the end of the coordinator");
        commands.add(END);
    }

    private void emit(Event event) {
        synchronized (events) {
            events.println(event.line());
            events.flush();
        }
    }
}
