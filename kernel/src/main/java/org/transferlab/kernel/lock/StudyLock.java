package org.transferlab.kernel.lock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The lock on a run directory ({@code <run>/locks/study.lock}). {@code run} and {@code report} hold it exclusively:
 * they sweep what killed runs left, write the manifest, the results and the report. Every {@code task run} holds it
 * shared, so that jobs of a scheduler run side by side while no full run can start among them.
 */
public final class StudyLock implements AutoCloseable {

    static final String FOLDER = "locks";
    private static final String FILE = "study.lock";

    private final LockFile.Held held;
    private final LockHolder holder;

    private StudyLock(LockFile.Held held, LockHolder holder) {
        this.held = held;
        this.holder = holder;
    }

    /**
     * Takes the run directory for {@code command} alone, waiting up to {@code wait} for the processes that hold it.
     *
     * @throws LockedException naming them, when they still do
     */
    public static StudyLock exclusive(Path runDirectory, String command, Duration wait, Consumer<String> waiting) {
        Path file = file(runDirectory);
        LockHolder self = LockHolder.thisProcess(command);
        Optional<LockFile.Held> held = Attempts.until(() -> LockFile.tryExclusive(file, self), wait,
                () -> waiting.accept(inTheWay(runDirectory) + "; waiting"));
        return new StudyLock(held.orElseThrow(() -> new LockedException(inTheWay(runDirectory) + "; wait for "
                + "it to end, or stop it, then try again")), self);
    }

    /**
     * Joins the run directory as one of many jobs, waiting up to {@code wait} for a {@code run} or {@code report} that
     * holds it alone.
     *
     * @throws LockedException naming that holder, when it still does
     */
    public static StudyLock shared(Path runDirectory, String command, Duration wait, Consumer<String> waiting) {
        Path file = file(runDirectory);
        LockHolder self = LockHolder.thisProcess(command);
        Optional<LockFile.Held> held = Attempts.until(() -> LockFile.tryShared(file, self), wait,
                () -> waiting.accept(inTheWay(runDirectory) + "; waiting"));
        return new StudyLock(held.orElseThrow(() -> new LockedException(inTheWay(runDirectory)
                + "; wait for it to end, or stop it, then try again (--lock-wait SECONDS waits for it)")), self);
    }

    /** The process that holds the run directory alone right now, if any. */
    public static Optional<LockHolder> exclusiveHolder(Path runDirectory) {
        Path file = file(runDirectory);
        if (LockFile.state(file) != LockFile.State.EXCLUSIVE) {
            return Optional.empty();
        }
        return LockFile.recordedHolder(file);
    }

    /** Who holds the run directory now, in words, for a refusal. */
    private static String inTheWay(Path runDirectory) {
        Path file = file(runDirectory);
        LockFile.State state = LockFile.state(file);
        if (state == LockFile.State.EXCLUSIVE) {
            return LockFile.recordedHolder(file)
                    .map(holder -> "another transferlab, pid " + holder.pid() + " on host " + holder.host()
                            + ", has been running this study since " + holder.since() + " (transferlab "
                            + holder.command() + " in " + runDirectory + ")")
                    .orElse("another transferlab is running this study (" + runDirectory + " is locked)");
        }
        List<TaskLock.Running> running = TaskLock.running(runDirectory);
        if (state == LockFile.State.SHARED && !running.isEmpty()) {
            return (running.size() == 1 ? "a transferlab task run job is" : running.size()
                    + " transferlab task run jobs are") + " running tasks of this study in " + runDirectory + ": "
                    + running.stream().limit(5).map(task -> task.holder().command() + " (" + task.holder().describe() + ")")
                            .collect(Collectors.joining(", "))
                    + (running.size() > 5 ? ", …" : "");
        }
        if (state == LockFile.State.SHARED) {
            return "transferlab task run jobs are starting in " + runDirectory;
        }
        return "another transferlab held " + runDirectory + " a moment ago";
    }

    public LockHolder holder() {
        return holder;
    }

    static Path locksFolder(Path runDirectory) {
        return runDirectory.resolve(FOLDER);
    }

    static Path file(Path runDirectory) {
        return locksFolder(runDirectory).resolve(FILE);
    }

    @Override
    public void close() {
        held.close();
    }
}
