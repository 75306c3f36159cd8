package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;
import org.transferlab.dist.Launcher.Running;

/**
 * Kill and resume: a small study is killed or interrupted part-way and run again until it completes; its results and
 * every model and adversarial example it stored are byte-identical to those of a run that was never interrupted, which
 * needs every task to compute the same bits in every process.
 */
class ResumeIT {

    private static final String STUDY = SyntheticStudy.yaml("resume", 11, "[300]", 200, "{ plugin: fgsm, eps: [0.1] }",
            "{ plugin: pgd, eps: [0.1], steps: 5, step_size: 0.03 }");
    private static final String PRETRAIN_INVERTED = "pretrain/alexnet@inverted";
    private static final String FINETUNE = "finetune/alexnet@outline>digits-n300-first8";
    private static final String PGD_ON_INVERTED = "attack/alexnet@inverted/pgd-eps0.1-stepsize0.03-steps5";
    private static final String EVALUATION = "evaluate/alexnet@outline>digits-n300-first8/alexnet@inverted/fgsm-eps0.1";
    /** Where the tasks that are killed keep their artefacts. */
    private static final Map<String, String> DIRECTORIES = Map.of(
            PRETRAIN_INVERTED, "models/pretrain~alexnet@inverted",
            PGD_ON_INVERTED, "adversarial/alexnet@inverted~pgd-eps0.1-stepsize0.03-steps5",
            EVALUATION, "evaluations/alexnet@outline+digits-n300-first8~alexnet@inverted~fgsm-eps0.1");

    @TempDir
    static Path uninterrupted;

    @TempDir
    Path study;

    @BeforeAll
    static void runTheStudyUninterrupted() throws Exception {
        Files.writeString(uninterrupted.resolve("experiments.yaml"), STUDY);
        Outcome outcome = Launcher.run(Launcher.built(), uninterrupted, "run");
        assertEquals(0, outcome.exitCode(), outcome.output());
    }

    private Running start() throws IOException {
        Files.writeString(study.resolve("experiments.yaml"), STUDY);
        return Launcher.launch(Launcher.built(), study, "run");
    }

    private Path run() {
        return study.resolve("out/resume");
    }

    @Test
    void killedDuringTrainingAnAttackAndAnEvaluationTheResumedStudyIsByteIdentical() throws Exception {
        for (String killedTask : List.of(PRETRAIN_INVERTED, PGD_ON_INVERTED, EVALUATION)) {
            Running running = start();
            running.awaitRunning(killedTask);
            Outcome killed = running.kill();
            assertEquals(137, killed.exitCode(), killed.output());
            assertFalse(Files.exists(run().resolve("results.csv")), killed.output());
            if (!killedTask.equals(EVALUATION)) { // an evaluation may finish within the moment it takes to kill it
                assertFalse(committed(DIRECTORIES.get(killedTask)), killedTask + " was killed before it committed:\n" + killed.output());
            }
        }

        Outcome resumed = Launcher.run(Launcher.built(), study, "run");

        assertEquals(0, resumed.exitCode(), resumed.output());
        for (String cached : List.of("pretrain/alexnet@outline", PRETRAIN_INVERTED, FINETUNE,
                "attack/alexnet@outline/fgsm-eps0.1")) {
            assertTrue(resumed.output().contains("] " + cached + ": cached"), resumed.output());
        }
        assertIdenticalToTheUninterruptedRun();
    }

    @Test
    void ctrlCStopsAtASafePointExitsWith130AndTheNextRunResumes() throws Exception {
        Running running = start();
        running.awaitRunning(PRETRAIN_INVERTED);
        running.interrupt();
        Outcome interrupted = running.finish();

        assertEquals(130, interrupted.exitCode(), interrupted.output());
        List<String> lines = interrupted.output().lines().toList();
        assertTrue(lines.contains("SIGINT: stopping after the current batch (send it again to stop at once)"), interrupted.output());
        assertTrue(lines.contains("[2/13] " + PRETRAIN_INVERTED + ": stopped, its unfinished work discarded"), interrupted.output());
        assertEquals(List.of("interrupted by SIGINT: the task in progress was discarded, every finished task is kept.",
                "To resume, run the same command again; finished tasks are cached."), lines.subList(lines.size() - 2, lines.size()));
        assertTrue(committed("models/pretrain~alexnet@outline"));
        assertEquals(List.of("pretrain~alexnet@outline"), entries(run().resolve("models")), "no working directory is left");

        Outcome resumed = Launcher.run(Launcher.built(), study, "run");

        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().startsWith("[1/13] pretrain/alexnet@outline: cached\n"), resumed.output());
        assertIdenticalToTheUninterruptedRun();
    }

    @Test
    void onlyWithForceRerunsExactlyTheSelectedTasksAndTheNextRunWhatReadTheirFiles() throws Exception {
        TreeCopy.copy(uninterrupted, study);

        Outcome rerun = Launcher.run(Launcher.built(), study, "run", "--only", "attack/*", "--force");

        assertEquals(0, rerun.exitCode(), rerun.output());
        assertEquals(List.of("[1/4] attack/alexnet@outline/fgsm-eps0.1: running",
                        "[2/4] attack/alexnet@outline/pgd-eps0.1-stepsize0.03-steps5: running",
                        "[3/4] attack/alexnet@inverted/fgsm-eps0.1: running",
                        "[4/4] " + PGD_ON_INVERTED + ": running"),
                rerun.output().lines().filter(line -> line.endsWith(": running")).toList());
        // The evaluations and comparisons read the replaced adversarial files: they are stale now, keys unchanged.
        assertTrue(rerun.output().contains("results not written: 6 of "), rerun.output());

        Outcome finish = Launcher.run(Launcher.built(), study, "run");
        assertEquals(0, finish.exitCode(), finish.output());
        List<String> ran = finish.output().lines().filter(line -> line.endsWith(": running")).toList();
        assertEquals(6, ran.size(), finish.output());
        assertTrue(ran.stream().allMatch(line -> line.contains(" evaluate/") || line.contains(" compare/")), ran.toString());
        assertTrue(finish.output().contains("results: " + run().toRealPath().resolve("results.csv")), finish.output());
        assertIdenticalToTheUninterruptedRun();
    }

    /** Whether a task's directory holds its cache key: {@code models/<name>}, {@code adversarial/<name>}, … */
    private boolean committed(String directory) {
        return Files.exists(run().resolve(directory).resolve("done.json"));
    }

    /** results.csv and verdicts.csv, and every weight and adversarial file, as the uninterrupted run wrote them. */
    private void assertIdenticalToTheUninterruptedRun() throws IOException {
        StoredBytes.assertIdentical(uninterrupted.resolve("out/resume"), run());
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
