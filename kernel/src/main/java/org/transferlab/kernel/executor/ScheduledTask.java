package org.transferlab.kernel.executor;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Where one task stands with a scheduler.
 *
 * @param job     the scheduler's name for the job that runs it, e.g. {@code 4711_3}
 * @param state   the job's state while the scheduler still knows it ({@code PENDING}, {@code RUNNING},
 *                {@code CANCELLED}, …), else null
 * @param reason  why it is pending or ended, as the scheduler says, else null
 * @param exit    the exit status the job left, once it ended
 * @param log     the job's log file
 */
public record ScheduledTask(String job, String state, String reason, OptionalInt exit, Path log) {

    /**
     * Why the job waits, or why it was cancelled when that was Slurm's doing; empty when there is nothing to tell (a
     * cancelled job keeps the reason it last waited for, which no longer says anything).
     */
    public String reasonText() {
        if (reason == null || reason.equals("None") || (state != null && !isQueued() && !isStarted()
                && !reason.equals("DependencyNeverSatisfied"))) {
            return "";
        }
        return " (" + reason + ")";
    }

    public boolean isQueued() {
        return isQueued(state);
    }

    public boolean isStarted() {
        return isStarted(state);
    }

    /** Whether a job in Slurm's {@code state} waits to run, or will run again. */
    public static boolean isQueued(String state) {
        return "PENDING".equals(state) || "REQUEUED".equals(state) || "REQUEUE_HOLD".equals(state)
                || "REQUEUE_FED".equals(state) || "SUSPENDED".equals(state) || "RESV_DEL_HOLD".equals(state);
    }

    /** Whether a job in Slurm's {@code state} runs, or is about to or just did. */
    public static boolean isStarted(String state) {
        return "RUNNING".equals(state) || "CONFIGURING".equals(state) || "COMPLETING".equals(state)
                || "SIGNALING".equals(state) || "STAGE_OUT".equals(state) || "RESIZING".equals(state);
    }
}
