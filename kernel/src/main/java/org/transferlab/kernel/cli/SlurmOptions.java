package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.executor.TransferlabProcess;
import org.transferlab.kernel.executor.slurm.SlurmClient;
import org.transferlab.kernel.executor.slurm.SlurmCommands;
import org.transferlab.kernel.executor.slurm.SlurmException;
import org.transferlab.kernel.executor.slurm.SlurmExecutor;
import org.transferlab.kernel.executor.slurm.Submission;
import org.transferlab.kernel.executor.slurm.SubmissionWatch;
import org.transferlab.kernel.lock.StudyLock;
import org.transferlab.kernel.plan.Task;
import picocli.CommandLine.Option;

/** The options of {@code run --executor slurm}, and the submission they steer. */
final class SlurmOptions {

    @Option(names = "--wait", description = "With --executor slurm: follow the submission with a progress bar until "
            + "its final job ends; exit 1 naming each task that failed and its log.")
    boolean wait;

    @Option(names = "--array-limit", paramLabel = "K", description = "With --executor slurm: run at most K tasks of one "
            + "job array at once (%%K).")
    Integer arrayLimit;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "5", description = "With --wait: how often to ask "
            + "Slurm how the submission stands (default: ${DEFAULT-VALUE}).")
    long pollSeconds;

    void requireUnused(String executor) {
        if (wait) {
            throw new BadInputException("--wait is for --executor slurm, not --executor " + executor);
        }
        if (arrayLimit != null) {
            throw new BadInputException("--array-limit is for --executor slurm, not --executor " + executor);
        }
    }

    /**
     * Submits the selected pending tasks, holding the run directory only while it does, and with {@code --wait}
     * follows them to the end.
     */
    int submit(PlannedRun run, StudyInvocation invocation, Predicate<Task> selected, boolean force, boolean dryRun,
            PrintWriter err) throws IOException {
        if (arrayLimit != null && arrayLimit < 1) {
            throw new BadInputException("--array-limit must be at least 1, got " + arrayLimit);
        }
        if (pollSeconds < 1) {
            throw new BadInputException("--poll must be at least 1 second, got " + pollSeconds);
        }
        if (dryRun && wait) {
            throw new BadInputException("--wait follows a submission, and --dry-run submits nothing; give one of them");
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path path : List.of(run.runDirectory(), workingDirectory)) {
            if (path.toString().matches(".*\\s.*")) {
                throw new BadInputException("the path " + path + " has a space in it, which the #SBATCH lines of a job "
                        + "script cannot hold; run from, and write to, folders without spaces (--output DIR)");
            }
        }
        PrintStream out = System.out;
        SlurmClient slurm = new SlurmCommands();
        SlurmExecutor executor = new SlurmExecutor(slurm, TransferlabProcess.launcherOrThisJvm());
        Path runDirectory = run.runDirectory();
        int runtimeThreads = run.options().runtime().threads();
        Submission submission;
        try (StudyLock lock = StudyLock.exclusive(runDirectory, "run --executor slurm", Duration.ZERO, err::println)) {
            if (!dryRun) {
                executor.requireNoActiveSubmission(runDirectory);
            }
            Runner.removeAbandonedWork(runDirectory, out);
            run.writeManifest("slurm", SlurmExecutor.taskThreads(run.config().clusterOrDefault(), runtimeThreads));
            List<Task> tasks = run.graph().tasks().stream().filter(selected).toList();
            submission = executor.submit(new SlurmExecutor.Request(run.config().experiment(), runDirectory,
                    run.graph().tasks(), tasks, force,
                    invocation, run.config().clusterOrDefault(), runtimeThreads, arrayLimit, dryRun,
                    workingDirectory));
        } catch (SlurmException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.RUN_FAILURE;
        }
        Submission.Record record = submission.record();
        int taskCount = record.arrays().stream().mapToInt(array -> array.tasks().size()).sum();
        String what = record.arrays().size() + (record.arrays().size() == 1 ? " job array" : " job arrays") + " ("
                + taskCount + (taskCount == 1 ? " task" : " tasks") + ")"
                + (record.finish() != null ? " and the final job" : " and no final job (tasks of the plan are left "
                        + "that this submission does not run, so it writes no results)");
        if (dryRun) {
            out.println("slurm: wrote " + what + " to " + submission.folder() + "; submitted nothing (submit.sh there "
                    + "submits them)");
            return ExitCodes.OK;
        }
        out.println("slurm: submitted " + what + ", jobs " + String.join(", ", submission.jobIds()));
        out.println("slurm: submission " + submission.folder() + "; follow it with: transferlab status " + runDirectory);
        if (!wait) {
            return ExitCodes.OK;
        }
        SubmissionWatch watch = new SubmissionWatch(slurm, Duration.ofSeconds(pollSeconds), out, System.console() != null);
        int[] status = {ExitCodes.OK};
        int stopped = StopOnSignal.run(err, cancellation -> status[0] = follow(watch, submission, run, cancellation, err));
        if (stopped != ExitCodes.OK) {
            err.println("stopped following submission " + record.id() + "; its jobs go on (transferlab status "
                    + runDirectory + " shows where they stand)");
            return stopped;
        }
        return status[0];
    }

    private static int follow(SubmissionWatch watch, Submission submission, PlannedRun run,
            org.transferlab.kernel.engine.Cancellation cancellation, PrintWriter err) {
        SubmissionWatch.Outcome outcome = watch.follow(submission, run.runDirectory(),
                run.graph().tasks(), cancellation);
        if (outcome.succeeded() && !outcome.resultsWritten()) {
            System.out.printf("results not written: %d of %d tasks of the plan have not run (submit without --only to "
                    + "finish)%n", StudyResults.pending(run.graph(), run.runDirectory()), run.graph().size());
            return ExitCodes.OK;
        }
        if (outcome.succeeded()) {
            try {
                StudyResults.printWritten(run.graph(), run.runDirectory(), System.out);
            } catch (IOException e) {
                err.println("error: the final job ended, but its results cannot be read: " + e.getMessage());
                return ExitCodes.RUN_FAILURE;
            }
            return ExitCodes.OK;
        }
        outcome.report(err);
        return ExitCodes.RUN_FAILURE;
    }
}
