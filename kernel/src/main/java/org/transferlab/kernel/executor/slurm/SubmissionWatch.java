package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.ScheduledTask;
import org.transferlab.kernel.executor.StudyStatus;
import org.transferlab.kernel.plan.Task;

/**
 * {@code run --executor slurm --wait}: follows a submission until none of its jobs is queued or running, with a
 * progress bar on an interactive terminal and a line whenever the counts change otherwise, then tells how it ended.
 */
public final class SubmissionWatch {

    private final SlurmClient slurm;
    private final Duration poll;
    private final PrintStream out;
    private final boolean interactive;

    public SubmissionWatch(SlurmClient slurm, Duration poll, PrintStream out, boolean interactive) {
        this.slurm = requireNonNull(slurm, "slurm is null");
        this.poll = requireNonNull(poll, "poll is null");
        this.out = requireNonNull(out, "out is null");
        this.interactive = interactive;
    }

    /** A task whose job failed, and the log that tells why. */
    public record FailedTask(String taskId, String reason, Path log) {
    }

    /**
     * How a followed submission ended.
     *
     * @param succeeded  every task ran, and the final job, if there is one, wrote the results
     * @param resultsWritten  whether a final job wrote the results (there is none when the submission leaves tasks of
     *                        the plan unrun)
     * @param failed     the tasks whose jobs failed
     * @param notRun     the tasks that did not run, because their jobs were cancelled or never started
     * @param finishLog  the final job's log
     */
    public record Outcome(boolean succeeded, boolean resultsWritten, List<FailedTask> failed, List<String> notRun,
                          String finishProblem, Path finishLog) {

        /** What went wrong, for standard error. */
        public void report(PrintWriter err) {
            if (!failed.isEmpty()) {
                err.println("error: " + failed.size() + (failed.size() == 1 ? " task" : " tasks") + " failed:");
                for (FailedTask task : failed) {
                    err.println("  " + task.taskId() + ": " + task.reason() + "; log: " + task.log());
                }
            }
            if (!notRun.isEmpty()) {
                err.println((failed.isEmpty() ? "error: " : "") + notRun.size() + (notRun.size() == 1 ? " task" : " tasks")
                        + " did not run (their jobs were cancelled, or waited on a task that failed):");
                notRun.stream().limit(20).forEach(id -> err.println("  " + id));
                if (notRun.size() > 20) {
                    err.println("  … and " + (notRun.size() - 20) + " more");
                }
            }
            if (finishProblem != null) {
                err.println((failed.isEmpty() && notRun.isEmpty() ? "error: " : "") + "the final job " + finishProblem
                        + "; log: " + finishLog);
            }
            err.println("results not written; submit again to run what is left (finished tasks are cached)");
            err.flush();
        }
    }

    /**
     * Follows {@code submission} of the study whose plan is {@code plan} until its jobs end, or until
     * {@code cancellation} is requested (the jobs go on).
     */
    public Outcome follow(Submission submission, Path runDirectory, List<Task> plan, Cancellation cancellation) {
        java.util.Set<String> submitted = new java.util.HashSet<>();
        submission.record().arrays().forEach(array -> submitted.addAll(array.tasks()));
        List<Task> tasks = plan.stream().filter(task -> submitted.contains(task.id())).toList();
        String last = null;
        java.util.Set<String> done = new java.util.HashSet<>();
        ProgressBar bar = interactive ? new ProgressBarBuilder().setTaskName("slurm").setInitialMax(tasks.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                .setConsumer(new ConsoleProgressBarConsumer(out)).build() : null;
        SubmissionState state;
        try {
            while (true) {
                state = new SubmissionState(submission, slurm.queued(submission.jobIds()));
                // A task done during the submission stays done: each poll looks again only at the others.
                tasks.stream().filter(task -> !done.contains(task.id()) && Runner.isCached(task, runDirectory))
                        .forEach(task -> done.add(task.id()));
                long running = state.tasks().values().stream().filter(ScheduledTask::isStarted).count();
                long queued = state.tasks().values().stream().filter(ScheduledTask::isQueued).count();
                String counts = String.format(Locale.ROOT, "%d of %d tasks done, %d running, %d queued", done.size(),
                        tasks.size(), running, queued);
                if (bar != null) {
                    bar.stepTo(done.size());
                    bar.setExtraMessage(running + " running, " + queued + " queued");
                } else if (!counts.equals(last)) {
                    out.println("slurm: " + counts);
                }
                last = counts;
                if (!state.isActive()) {
                    break;
                }
                cancellation.check();
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.request("an interrupt");
                    cancellation.check();
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return outcome(state, runDirectory, tasks);
    }

    private static Outcome outcome(SubmissionState state, Path runDirectory, List<Task> tasks) {
        List<StudyStatus.PlannedTask> planned = tasks.stream().map(StudyStatus::planned).toList();
        List<FailedTask> failed = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (StudyStatus.TaskStatus status : StudyStatus.of(planned, runDirectory, state.tasks())) {
            switch (status.state()) {
                case DONE -> {
                }
                case FAILED -> failed.add(new FailedTask(status.task().id(), status.detail(), status.log()));
                default -> notRun.add(status.task().id());
            }
        }
        Optional<ScheduledTask> finish = state.finish();
        String finishProblem = null;
        boolean succeeded = finish.isEmpty() && failed.isEmpty() && notRun.isEmpty();
        if (finish.isPresent()) {
            if (finish.get().exit().isPresent()) {
                succeeded = finish.get().exit().getAsInt() == 0 && failed.isEmpty() && notRun.isEmpty();
                if (finish.get().exit().getAsInt() != 0) {
                    finishProblem = "ended with " + StudyStatus.exitText(finish.get().exit().getAsInt());
                }
            } else {
                finishProblem = finish.get().state() == null ? "did not run"
                        : "was " + finish.get().state().toLowerCase(Locale.ROOT) + finish.get().reasonText();
            }
        }
        return new Outcome(succeeded, finish.isPresent() && succeeded, failed, notRun, finishProblem,
                finish.map(ScheduledTask::log).orElse(null));
    }
}
