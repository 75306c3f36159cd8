package org.transferlab.kernel.executor;

import static java.util.Objects.requireNonNull;

/** A task of the study failed in another process: a worker, or a job of a scheduler. */
public final class TaskFailedException extends RuntimeException {

    private final String taskId;

    public TaskFailedException(String taskId, String reason) {
        super(requireNonNull(taskId, "taskId is null") + " failed: " + reason);
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }
}
