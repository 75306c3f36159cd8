package org.transferlab.kernel.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.exec.TaskFailures;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.lock.TaskLock;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;

/**
 * Where every task of a study stands, whichever executor runs it: done (committed and current), running (its lock is
 * held), queued (a scheduler has its job waiting), failed (it failed and has not succeeded since), or pending.
 */
public final class StudyStatus {

    public enum State {
        DONE, RUNNING, QUEUED, FAILED, PENDING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A task as the plan, or the manifest of a run directory, describes it. */
    public record PlannedTask(String id, String kind, String directory, List<String> dependencies, String cacheKey) {
    }

    /**
     * @param detail  who runs it, why it failed or why it waits; null when there is nothing to say
     * @param log     its job's log, when a scheduler ran it
     */
    public record TaskStatus(PlannedTask task, State state, String detail, Path log) {
    }

    private StudyStatus() {
    }

    public static List<PlannedTask> of(TaskGraph graph) {
        return graph.tasks().stream().map(StudyStatus::planned).toList();
    }

    public static PlannedTask planned(Task task) {
        return new PlannedTask(task.id(), task.kind().label(), task.directory(), task.dependencies(), task.cacheKey());
    }

    /**
     * The tasks that {@code manifest.json} of a run directory lists.
     *
     * @throws IOException when it cannot be read, or was written before manifests listed what a status needs
     */
    public static List<PlannedTask> fromManifest(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve("manifest.json");
        JsonNode tasks = new ObjectMapper().readTree(file.toFile()).path("tasks");
        List<PlannedTask> planned = new ArrayList<>();
        for (JsonNode task : tasks) {
            if (!task.hasNonNull("directory") || !task.hasNonNull("kind") || !task.has("dependencies")) {
                throw new IOException(file + " does not list the tasks' directories and dependencies (it was written "
                        + "by an older transferlab)");
            }
            List<String> dependencies = new ArrayList<>();
            task.path("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
            planned.add(new PlannedTask(task.path("id").asText(), task.path("kind").asText(),
                    task.path("directory").asText(), List.copyOf(dependencies), task.path("cacheKey").asText()));
        }
        return planned;
    }

    /** @param scheduled  what a scheduler says of the tasks it was given, by task id; empty without one */
    public static List<TaskStatus> of(List<PlannedTask> tasks, Path runDirectory, Map<String, ScheduledTask> scheduled) {
        List<TaskStatus> statuses = new ArrayList<>();
        for (PlannedTask task : tasks) {
            statuses.add(status(task, runDirectory, Optional.ofNullable(scheduled.get(task.id()))));
        }
        return statuses;
    }

    private static TaskStatus status(PlannedTask task, Path runDirectory, Optional<ScheduledTask> job) {
        Path log = job.map(ScheduledTask::log).orElse(null);
        if (Runner.isCached(task.directory(), task.cacheKey(), task.dependencies(), runDirectory)) {
            return new TaskStatus(task, State.DONE, null, log);
        }
        Optional<LockHolder> holder = TaskLock.holder(runDirectory, task.directory());
        if (holder.isPresent()) {
            return new TaskStatus(task, State.RUNNING, holder.get().describe() + job.map(j -> ", job " + j.job()).orElse(""), log);
        }
        if (job.isPresent() && job.get().isStarted()) {
            return new TaskStatus(task, State.RUNNING, "job " + job.get().job() + " started", log);
        }
        if (job.isPresent() && job.get().isQueued()) {
            return new TaskStatus(task, State.QUEUED, "job " + job.get().job() + reason(job.get()), log);
        }
        Optional<TaskFailures.Failure> failure = TaskFailures.of(runDirectory, task.directory());
        int exit = job.flatMap(j -> j.exit().isPresent() ? Optional.of(j.exit().getAsInt()) : Optional.empty()).orElse(0);
        if (failure.isPresent() || (exit != 0 && !isStop(exit))) {
            List<String> details = new ArrayList<>();
            job.ifPresent(j -> details.add("job " + j.job()));
            if (exit != 0) {
                details.add(exitText(exit));
            }
            failure.ifPresent(f -> details.add(f.error()));
            return new TaskStatus(task, State.FAILED, String.join(": ", details), log);
        }
        if (exit != 0) {
            return new TaskStatus(task, State.PENDING, "not run: job " + job.get().job() + " " + exitText(exit)
                    + ", its work discarded", log);
        }
        if (job.isPresent() && job.get().state() != null && !job.get().state().equals("CANCELLED")
                && !job.get().state().equals("COMPLETED")) {
            return new TaskStatus(task, State.FAILED, "job " + job.get().job() + " " + job.get().state() + reason(job.get()), log);
        }
        if (job.isPresent()) {
            String why = job.get().state() == null ? "its job " + job.get().job() + " is no longer in the queue"
                    : "its job " + job.get().job() + " was " + job.get().state().toLowerCase(Locale.ROOT) + reason(job.get());
            return new TaskStatus(task, State.PENDING, "not run: " + why, log);
        }
        return new TaskStatus(task, State.PENDING, null, log);
    }

    private static String reason(ScheduledTask job) {
        return job.reasonText();
    }

    /** Whether an exit status is that of a task stopped by a signal at a safe point, its work discarded. */
    public static boolean isStop(int status) {
        return status == 130 || status == 138 || status == 143;
    }

    /** An exit status in words: 128 + n is signal n. */
    public static String exitText(int status) {
        return switch (status) {
            case 130 -> "stopped by SIGINT (exit 130)";
            case 137 -> "killed (SIGKILL, exit 137)";
            case 138 -> "stopped by SIGUSR1, Slurm's time-limit or preemption warning (exit 138)";
            case 143 -> "stopped by SIGTERM (exit 143)";
            default -> "exit " + status;
        };
    }
}
