package org.transferlab.kernel.executor.slurm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.transferlab.kernel.executor.ScheduledTask;

/**
 * A submission as Slurm and its folder tell it: for each task, its array element's state while Slurm still knows the
 * job, and the exit status the job left; for each array, a line that counts its elements by state.
 */
public final class SubmissionState {

    private final Submission submission;
    private final Map<String, ScheduledTask> tasks = new LinkedHashMap<>();
    private final List<String> arrays = new ArrayList<>();
    private final ScheduledTask finish;

    /** @param queued  what {@code squeue} says of the submission's jobs (empty when it cannot be asked) */
    public SubmissionState(Submission submission, List<SlurmClient.QueuedJob> queued) {
        this.submission = submission;
        Map<String, SlurmClient.QueuedJob> elements = new HashMap<>();
        for (SlurmClient.QueuedJob job : queued) {
            elements.put(job.jobId() + "_" + job.index(), job);
        }
        for (Submission.Array array : submission.record().arrays()) {
            Map<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < array.tasks().size(); i++) {
                SlurmClient.QueuedJob job = array.jobId() == null ? null : elements.get(array.jobId() + "_" + i);
                OptionalInt exit = submission.exitStatus(array.name(), i);
                ScheduledTask task = new ScheduledTask(array.jobId() + "_" + i, job == null ? null : job.state(),
                        job == null ? null : job.reason(), exit, submission.log(array.name(), i));
                tasks.put(array.tasks().get(i), task);
                counts.merge(elementState(task), 1, Integer::sum);
            }
            arrays.add(String.format("job %-8s %-24s %4d %-5s  %s", array.jobId() == null ? "-" : array.jobId(),
                    array.name(), array.tasks().size(), array.tasks().size() == 1 ? "task" : "tasks",
                    counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                            .collect(Collectors.joining(", "))));
        }
        Submission.Job job = submission.record().finish();
        SlurmClient.QueuedJob queuedFinish = job == null || job.jobId() == null ? null : elements.get(job.jobId() + "_-1");
        finish = job == null || job.jobId() == null ? null : new ScheduledTask(job.jobId(),
                queuedFinish == null ? null : queuedFinish.state(), queuedFinish == null ? null : queuedFinish.reason(),
                submission.finishStatus(), submission.finishLog());
        if (finish != null) {
            arrays.add(String.format("job %-8s %-24s %10s  %s", finish.job(), "finish", "", elementState(finish)));
        }
    }

    /** One word for where an array element stands. */
    private static String elementState(ScheduledTask task) {
        if (task.exit().isPresent()) {
            return task.exit().getAsInt() == 0 ? "succeeded" : "exited " + task.exit().getAsInt();
        }
        if (task.state() == null) {
            return "not in the queue";
        }
        return task.state().toLowerCase(java.util.Locale.ROOT) + task.reasonText();
    }

    public Submission submission() {
        return submission;
    }

    public Map<String, ScheduledTask> tasks() {
        return tasks;
    }

    /** The final job, once submitted. */
    public java.util.Optional<ScheduledTask> finish() {
        return java.util.Optional.ofNullable(finish);
    }

    /** One line per job: its id, its array, its size and its elements counted by state. */
    public List<String> jobLines() {
        return arrays;
    }

    /** Whether any job of the submission is still queued or running. */
    public boolean isActive() {
        return tasks.values().stream().anyMatch(task -> task.isQueued() || task.isStarted())
                || (finish != null && (finish.isQueued() || finish.isStarted()));
    }
}
