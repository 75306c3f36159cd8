package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts {@code bin/transferlab} of a distribution as a user would, and collects what it prints. */
final class Launcher {

    record Outcome(int exitCode, String output) {
    }

    private Launcher() {
    }

    /** The distribution this build assembled. */
    static Path built() {
        return Path.of(System.getProperty("transferlab.dist"));
    }

    static Outcome run(Path distribution, Path workingDirectory, String... arguments) throws Exception {
        Process process = start(distribution, workingDirectory, arguments);
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        return new Outcome(process.exitValue(), output);
    }

    private static Process start(Path distribution, Path workingDirectory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/transferlab").toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
    }

    /** Starts {@code bin/transferlab} and returns at once, to follow its output and signal it while it runs. */
    static Running launch(Path distribution, Path workingDirectory, String... arguments) throws IOException {
        return new Running(start(distribution, workingDirectory, arguments));
    }

    /** A running transferlab whose output is read line by line as it comes. */
    static final class Running {

        private static final String END = "\0end of output";

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Running(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "transferlab output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                output.append("(output no longer readable: ").append(e.getMessage()).append(")\n");
            } finally {
                lines.add(END);
            }
        }

        /** Waits until a line that {@code expected} accepts is printed. */
        void awaitLine(java.util.function.Predicate<String> expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && expected.test(line)) {
                    return;
                }
                assertNotEquals(END, line, "the run ended before the line expected:\n" + output);
            }
            fail("no line expected within 5 minutes:\n" + output);
        }

        long pid() {
            return process.pid();
        }

        /** The processes it started, and theirs. */
        List<ProcessHandle> descendants() {
            return process.descendants().toList();
        }

        /** Waits until the runner prints {@code [k/n] <id>: running}. */
        void awaitRunning(String taskId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.endsWith("] " + taskId + ": running")) {
                    return;
                }
                assertNotEquals(END, line, "the run ended before " + taskId + " started:\n" + output);
            }
            fail("no '" + taskId + ": running' within 5 minutes:\n" + output);
        }

        /**
         * SIGKILL, as a crash or an out-of-memory killer would: no handler runs. The launcher script execs java, but a
         * launcher that forked it would leave java running, so the whole process tree is killed.
         */
        Outcome kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return finish();
        }

        /** SIGINT, as Ctrl-C in a terminal sends. */
        void interrupt() throws IOException, InterruptedException {
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        }

        Outcome finish() throws InterruptedException {
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), output::toString);
            while (!END.equals(lines.poll(1, TimeUnit.MINUTES))) {
                // the rest of the output, up to its end
            }
            return new Outcome(process.exitValue(), output.toString());
        }
    }
}
