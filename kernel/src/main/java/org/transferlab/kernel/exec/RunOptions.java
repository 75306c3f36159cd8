package org.transferlab.kernel.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.transferlab.kernel.engine.RuntimeOptions;

/**
 * What a run needs besides the experiment file.
 *
 * @param runDirectory  {@code <output>/<experiment>}; every artefact is written below it
 * @param dataRoot      where dataset plugins read their files
 * @param runtime       device, threads and precision of every TensorFlow session
 * @param force         re-run tasks even when their artefacts are cached
 * @param taskLockWait  how long to wait for another process that is running a task this run is about to run; then
 *                      the run stops with a {@link org.transferlab.kernel.lock.LockedException}
 */
public record RunOptions(Path runDirectory, Path dataRoot, boolean download, RuntimeOptions runtime,
                         boolean force, Duration taskLockWait) {

    /** How long a run waits for a task that another process is running, unless told otherwise. */
    public static final Duration TASK_LOCK_WAIT = Duration.ofMinutes(10);

    public RunOptions {
        Objects.requireNonNull(runDirectory, "runDirectory is null");
        Objects.requireNonNull(dataRoot, "dataRoot is null");
        Objects.requireNonNull(runtime, "runtime is null");
        Objects.requireNonNull(taskLockWait, "taskLockWait is null");
    }

    public RunOptions(Path runDirectory, Path dataRoot, boolean download, RuntimeOptions runtime, boolean force) {
        this(runDirectory, dataRoot, download, runtime, force, TASK_LOCK_WAIT);
    }

    public RunOptions withRuntime(RuntimeOptions other) {
        return new RunOptions(runDirectory, dataRoot, download, other, force, taskLockWait);
    }

    public RunOptions withTaskLockWait(Duration wait) {
        return new RunOptions(runDirectory, dataRoot, download, runtime, force, wait);
    }
}
