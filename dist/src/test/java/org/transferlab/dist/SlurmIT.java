package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/**
 * {@code run --executor slurm} against a real Slurm cluster: the single-node one that {@code dist/slurm/local-cluster.sh}
 * starts, as CI does (with {@code TRANSFERLAB_REQUIRE_SLURM=1}, so that these tests fail rather than skip without it).
 */
class SlurmIT {

    private static final boolean REQUIRED = "1".equals(System.getenv("TRANSFERLAB_REQUIRE_SLURM"));

    @TempDir
    Path folder;

    @BeforeAll
    static void requireACluster() throws Exception {
        String problem = clusterProblem();
        if (problem != null) {
            if (REQUIRED) {
                fail("TRANSFERLAB_REQUIRE_SLURM=1, but " + problem + "; start one with dist/slurm/local-cluster.sh");
            }
            assumeTrue(false, problem);
        }
    }

    private static String clusterProblem() throws InterruptedException {
        try {
            Process sinfo = new ProcessBuilder("sinfo", "--noheader", "--format=%T").redirectErrorStream(true).start();
            String states = new String(sinfo.getInputStream().readAllBytes());
            if (!sinfo.waitFor(30, TimeUnit.SECONDS) || sinfo.exitValue() != 0) {
                return "sinfo failed: " + states.strip();
            }
            return states.contains("idle") || states.contains("mix") || states.contains("alloc") ? null
                    : "no Slurm node is up (sinfo: " + states.strip() + ")";
        } catch (IOException e) {
            return "Slurm's client commands are not installed (" + e.getMessage() + ")";
        }
    }

    /**
     * A submission whose jobs are cancelled while its first tasks run; then the same command again, with {@code --wait}:
     * it submits only what is not cached, follows it to the end, and the study's bytes are those of a local run.
     */
    @Test
    void aStudyCancelledMidwayAndSubmittedAgainWithWaitEndsByteIdenticalToALocalRun() throws Exception {
        Path study = ReferenceStudy.write(folder.resolve("study"), ReferenceStudy.YAML);
        Outcome submitted = Launcher.run(Launcher.built(), study, "run", "--executor", "slurm");
        assertEquals(0, submitted.exitCode(), submitted.output());
        assertTrue(submitted.output().contains("slurm: submitted 4 job arrays (8 tasks) and the final job, jobs "),
                submitted.output());
        Path run = ReferenceStudy.runDirectory(study).toRealPath();
        Path first = submissionFolder(run);
        List<String> jobs = jobIds(onlySubmission(run));
        awaitLogLine(first.resolve("logs/02-finetune+attack_0.log"), ": running");

        assertEquals(0, new ProcessBuilder(command("scancel", jobs)).inheritIO().start().waitFor());
        awaitNoneQueued(jobs);

        Outcome status = Launcher.run(Launcher.built(), study, "status");
        assertTrue(status.output().contains("finetune/alexnet@outline>digits-n300-first8  not run: job "), status.output());
        assertTrue(status.output().lines().anyMatch(line -> line.matches("  job \\d+ +finish +cancelled")), status.output());
        assertFalse(Files.exists(run.resolve("results.csv")));

        Outcome resubmitted = Launcher.run(Launcher.built(), study, "run", "--executor", "slurm", "--wait", "--poll", "1");

        assertEquals(0, resubmitted.exitCode(), resubmitted.output());
        java.util.regex.Matcher again = java.util.regex.Pattern.compile("slurm: submitted \\d job arrays \\(([1-6]) tasks\\) "
                + "and the final job, jobs ").matcher(resubmitted.output());
        assertTrue(again.find(), "only what was not cached is submitted: " + resubmitted.output());
        assertTrue(resubmitted.output().contains("slurm: " + again.group(1) + " of " + again.group(1)
                + " tasks done, 0 running, 0 queued"), resubmitted.output());
        assertTrue(resubmitted.output().contains("results: " + run.resolve("results.csv")), resubmitted.output());
        ReferenceStudy.assertIdenticalToTheLocalRun(run);
        Path second = submissionFolder(run);
        JsonNode submission = new ObjectMapper().readTree(second.resolve("submission.json").toFile());
        for (JsonNode array : submission.path("arrays")) {
            for (int i = 0; i < array.path("tasks").size(); i++) {
                assertTrue(Files.readString(second.resolve("logs/" + array.path("name").asText() + "_" + i + ".log"))
                        .contains("transferlab: task " + array.path("tasks").get(i).asText() + ", job "), "one log per task");
            }
        }
        Outcome done = Launcher.run(Launcher.built(), study, "status");
        assertTrue(done.output().lines().anyMatch(line -> line.matches("all +8 +0 +0 +0 +0")), done.output());
        assertTrue(done.output().lines().anyMatch(line -> line.matches("  job \\d+ +finish +succeeded")), done.output());
    }

    @Test
    void aFailingTaskIsReportedWithItsLogItsDependentsAsNotRunAndTheWaitExitsWithOne() throws Exception {
        Path plugins = FailingAttackPlugin.pluginsFolder(folder);
        Path study = ReferenceStudy.write(folder.resolve("study"), ReferenceStudy.YAML.replace(
                "    - { plugin: fgsm, eps: [0.1] }", "    - { plugin: fgsm, eps: [0.1] }\n    - { plugin: always-fails }"));

        Outcome outcome = Launcher.run(Launcher.built(), study, "run", "--executor", "slurm", "--wait", "--poll", "1",
                "--plugins", plugins.toString());

        assertEquals(1, outcome.exitCode(), outcome.output());
        Path run = ReferenceStudy.runDirectory(study).toRealPath();
        Path submission = submissionFolder(run);
        List<String> lines = outcome.output().lines().toList();
        int failed = lines.indexOf("error: 2 tasks failed:");
        assertTrue(failed >= 0, outcome.output());
        for (String source : List.of("outline", "inverted")) {
            String task = "attack/alexnet@" + source + "/always-fails";
            String line = lines.stream().filter(l -> l.startsWith("  " + task + ": ")).findFirst().orElseThrow(
                    () -> new AssertionError(task + " is not named:\n" + outcome.output()));
            assertTrue(line.matches("  " + task + ": job \\d+_\\d: exit 1: " + FailingAttackPlugin.MESSAGE + "; log: "
                    + submission.resolve("logs") + "/02-finetune\\+attack_\\d\\.log"), line);
            Path log = Path.of(line.substring(line.indexOf("; log: ") + "; log: ".length()));
            assertTrue(Files.readString(log).contains("error: " + FailingAttackPlugin.MESSAGE), Files.readString(log));
        }
        assertTrue(lines.contains("6 tasks did not run (their jobs were cancelled, or waited on a task that failed):"),
                outcome.output());
        assertTrue(lines.stream().anyMatch(line -> line.matches("the final job was cancelled \\(DependencyNeverSatisfied\\); "
                + "log: .*/logs/finish\\.log")), outcome.output());
        assertTrue(lines.contains("  evaluate/alexnet@outline>digits-n300-first8/alexnet@outline/always-fails"), outcome.output());
        assertTrue(lines.contains("results not written; submit again to run what is left (finished tasks are cached)"),
                outcome.output());
        assertFalse(Files.exists(run.resolve("results.csv")));
    }

    @Test
    void aDryRunWritesTheSubmissionsScriptsAndSubmitsNothing() throws Exception {
        Path study = ReferenceStudy.write(folder.resolve("study"), ReferenceStudy.YAML);

        Outcome outcome = Launcher.run(Launcher.built(), study, "run", "--executor", "slurm", "--dry-run", "--array-limit", "1");

        assertEquals(0, outcome.exitCode(), outcome.output());
        Path run = ReferenceStudy.runDirectory(study).toRealPath();
        Path submission = submissionFolder(run);
        assertTrue(outcome.output().contains("slurm: wrote 4 job arrays (8 tasks) and the final job to " + submission
                + "; submitted nothing (submit.sh there submits them)"), outcome.output());
        assertTrue(Files.readString(submission.resolve("01-pretrain.sh")).contains("#SBATCH --array=0-1%1\n"));
        assertEquals(List.of(), jobIds(onlySubmission(run)));
        assertFalse(Files.exists(run.resolve("models")));
    }

    private static Path submissionFolder(Path run) throws IOException {
        try (Stream<Path> submissions = Files.list(run.resolve("slurm"))) {
            List<Path> all = submissions.sorted().toList();
            return all.get(all.size() - 1);
        }
    }

    private static JsonNode onlySubmission(Path run) throws IOException {
        return new ObjectMapper().readTree(submissionFolder(run).resolve("submission.json").toFile());
    }

    private static List<String> jobIds(JsonNode submission) {
        List<String> ids = new ArrayList<>();
        submission.path("arrays").forEach(array -> {
            if (array.hasNonNull("jobId")) {
                ids.add(array.path("jobId").asText());
            }
        });
        if (submission.path("finish").hasNonNull("jobId")) {
            ids.add(submission.path("finish").path("jobId").asText());
        }
        return ids;
    }

    private static List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(arguments);
        return command;
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        fail("no '" + text + "' in " + log + " within 3 minutes");
    }

    /** Until squeue lists none of the jobs as pending or running. */
    private static void awaitNoneQueued(List<String> jobs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Process squeue = new ProcessBuilder(command("squeue", List.of("--noheader", "--format=%F",
                    "--states=PENDING,RUNNING,COMPLETING,CONFIGURING"))).start();
            String queued = new String(squeue.getInputStream().readAllBytes());
            squeue.waitFor();
            if (queued.lines().map(String::strip).noneMatch(jobs::contains)) {
                return;
            }
            Thread.sleep(500);
        }
        fail("jobs " + jobs + " still queued after 2 minutes");
    }
}
