package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;
import org.transferlab.dist.Launcher.Running;

/** Several transferlab processes on one run directory: worker processes, a second run, two jobs for one task. */
class ParallelRunsIT {

    @TempDir
    Path folder;

    @Test
    void aSecondRunIsRefusedTouchingNothingCtrlCStopsEveryWorkerAndJobsTwoResumesToTheLocalRunsBytes() throws Exception {
        Path study = ReferenceStudy.write(folder.resolve("study"), ReferenceStudy.YAML);
        Path run = ReferenceStudy.runDirectory(study);
        Running first = Launcher.launch(Launcher.built(), study, "run", "--jobs", "2");
        first.awaitLine(line -> line.matches("\\[\\d/8] pretrain/alexnet@\\w+: running \\(worker \\d\\)"));
        List<ProcessHandle> workers = awaitBothPretrainingsRunning(first, run);
        signal("STOP", first.pid(), workers); // frozen, so that every change below is the second run's
        Map<String, Long> before = snapshot(run);

        Outcome second = Launcher.run(Launcher.built(), study, "run");
        Map<String, Long> after = snapshot(run);
        signal("CONT", first.pid(), workers);

        assertEquals(2, second.exitCode(), second.output());
        assertTrue(second.output().matches("(?s)error: another transferlab, pid " + first.pid() + " on host \\S+, has been "
                + "running this study since \\S+ \\(transferlab run in " + run.toRealPath() + "\\); wait for it to end, or "
                + "stop it, then try again\\s*"), second.output());
        assertEquals(before, after, "the refused run touched nothing");

        first.interrupt();
        Outcome interrupted = first.finish();

        assertEquals(130, interrupted.exitCode(), interrupted.output());
        assertTrue(interrupted.output().contains(": stopped, its unfinished work discarded"), interrupted.output());
        assertEquals(2, workers.size(), "two worker processes ran");
        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "every worker ended with its coordinator");

        Outcome resumed = Launcher.run(Launcher.built(), study, "run", "--jobs", "2");

        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().contains("started 2 workers, 1 thread each, for "), resumed.output());
        ReferenceStudy.assertIdenticalToTheLocalRun(run);
    }

    @Test
    void theSameTaskRunTwiceAtOnceIsExecutedByExactlyOneOfThem() throws Exception {
        Path study = ReferenceStudy.write(folder.resolve("study"), ReferenceStudy.YAML);
        String task = "pretrain/alexnet@outline";

        Running one = Launcher.launch(Launcher.built(), study, "task", "run", task);
        Running other = Launcher.launch(Launcher.built(), study, "task", "run", task);
        List<Outcome> outcomes = List.of(one.finish(), other.finish());

        List<Outcome> executed = outcomes.stream().filter(outcome -> outcome.output().contains(task + ": running")).toList();
        assertEquals(1, executed.size(), outcomes.toString());
        assertEquals(0, executed.get(0).exitCode(), executed.get(0).output());
        Outcome notExecuted = outcomes.get(outcomes.indexOf(executed.get(0)) == 0 ? 1 : 0);
        boolean refused = notExecuted.exitCode() == 2 && notExecuted.output().contains("error: " + task
                + " is being run by pid ") && notExecuted.output().contains("; it was not run a second time");
        boolean cachedAfterwards = notExecuted.exitCode() == 0
                && notExecuted.output().contains(task + ": cached");
        assertTrue(refused || cachedAfterwards, notExecuted.output());
        assertTrue(Files.isRegularFile(ReferenceStudy.runDirectory(study).resolve("models/pretrain~alexnet@outline/done.json")));
    }

    /** The two workers, once each holds the lock of a pre-training task: from then on they only train. */
    private static List<ProcessHandle> awaitBothPretrainingsRunning(Running first, Path run) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> workers = first.descendants();
            if (workers.size() == 2 && Files.exists(run.resolve("locks/models/pretrain~alexnet@outline.lock"))
                    && Files.exists(run.resolve("locks/models/pretrain~alexnet@inverted.lock"))) {
                return workers;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two workers did not start their pre-training within 2 minutes: " + first.descendants());
    }

    private static void signal(String name, long pid, List<ProcessHandle> workers) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + name, Long.toString(pid)));
        workers.forEach(worker -> command.add(Long.toString(worker.pid())));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    /** Every file below the run directory with its size and modification time. */
    private static Map<String, Long> snapshot(Path run) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(run)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                files.put(run.relativize(path) + (attributes.isDirectory() ? "/" : ""),
                        attributes.lastModifiedTime().toMillis() * 31 + attributes.size());
            }
        }
        assertFalse(files.isEmpty());
        return files;
    }
}
