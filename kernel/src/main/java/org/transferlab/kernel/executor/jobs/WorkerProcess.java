package org.transferlab.kernel.executor.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.transferlab.kernel.executor.jobs.WorkerProtocol.Event;

/** The coordinator's side of one worker process: its commands, and a thread that turns its output into messages. */
final class WorkerProcess {

    /** What a worker process did, as its coordinator hears it. */
    sealed interface Message permits Logged, Happened, Exited {
        WorkerProcess worker();
    }

    record Logged(WorkerProcess worker, String line) implements Message {
    }

    record Happened(WorkerProcess worker, Event event) implements Message {
    }

    record Exited(WorkerProcess worker, int status) implements Message {
    }

    private static final int KEPT_LINES = 20;

    final int number;
    private final Process process;
    private final PrintWriter commands;
    /** The last lines it printed, to show when it ends unexpectedly. */
    private final Deque<String> lastLines = new ArrayDeque<>();
    private String task;
    private boolean ready;
    private boolean exited;

    WorkerProcess(int number, List<String> command, Map<String, String> environment, BlockingQueue<Message> messages)
            throws IOException {
        this.number = number;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        this.process = builder.start();
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> read(messages), "worker " + number);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(BlockingQueue<Message> messages) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String text = line;
                messages.add(Event.parse(text).<Message>map(event -> new Happened(this, event))
                        .orElseGet(() -> new Logged(this, text)));
            }
        } catch (IOException e) {
            // the process is gone; its exit status says how
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        messages.add(new Exited(this, status));
    }

    void run(String taskId, String cacheKey) {
        task = taskId;
        commands.println(WorkerProtocol.run(taskId, cacheKey));
    }

    void stop() {
        commands.println(WorkerProtocol.STOP);
    }

    /** The end of its input: it finishes and exits. */
    void release() {
        commands.close();
    }

    void remember(String line) {
        lastLines.addLast(line);
        if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
        }
    }

    String lastLines() {
        return String.join(System.lineSeparator(), lastLines);
    }

    String task() {
        return task;
    }

    void finished() {
        task = null;
    }

    boolean isIdle() {
        return ready && !exited && task == null;
    }

    void markReady() {
        ready = true;
    }

    void markExited() {
        exited = true;
    }

    boolean hasExited() {
        return exited;
    }

    /** Waits for the process to end, up to {@code seconds}, then ends it. */
    void awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
