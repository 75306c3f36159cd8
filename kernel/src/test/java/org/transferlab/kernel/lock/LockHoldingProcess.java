package org.transferlab.kernel.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that holds a lock until it is killed: {@code study-exclusive RUN}, {@code study-shared RUN} or
 * {@code task RUN DIRECTORY ID}. It prints {@value #HELD} once it holds the lock.
 */
public final class LockHoldingProcess implements AutoCloseable {

    static final String HELD = "held";

    private final Process process;

    private LockHoldingProcess(Process process) {
        this.process = process;
    }

    /** Starts a JVM that takes the lock, and returns once it holds it. */
    public static LockHoldingProcess start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHoldingProcess.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = out.readLine();
        if (!HELD.equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("the lock holding process printed: " + line);
        }
        return new LockHoldingProcess(process);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no handler, no finally block runs; only the kernel releases the lock. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the lock holding process did not die");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    public static void main(String[] arguments) throws Exception {
        Path run = Path.of(arguments[1]);
        AutoCloseable lock = switch (arguments[0]) {
            case "study-exclusive" -> StudyLock.exclusive(run, "run", Duration.ZERO, message -> { });
            case "study-shared" -> StudyLock.shared(run, "task run", Duration.ZERO, message -> { });
            case "task" -> {
                // as task run does: the run directory shared, then the task alone
                StudyLock study = StudyLock.shared(run, "task run " + arguments[3], Duration.ZERO, message -> { });
                TaskLock task = TaskLock.acquire(run, arguments[2], arguments[3], Duration.ZERO, message -> { }).orElseThrow();
                yield () -> {
                    task.close();
                    study.close();
                };
            }
            default -> throw new IllegalArgumentException(arguments[0]);
        };
        System.out.println(HELD);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
