package org.transferlab.kernel.lock;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The lock on one task: whoever executes a task holds it, so two processes never execute the same task, and a working
 * directory is swept only when no live process holds the lock of the task it belongs to. It lies at
 * {@code <run>/locks/<task directory>.lock} (e.g. {@code locks/models/pretrain~alexnet@kmnist.lock}); the holder recorded in it
 * names the task's id as its command.
 */
public final class TaskLock implements AutoCloseable {

    /** A task being executed right now, and by whom. */
    public record Running(String taskDirectory, LockHolder holder) {
    }

    private final LockFile.Held held;

    private TaskLock(LockFile.Held held) {
        this.held = held;
    }

    /** Takes the task's lock, waiting up to {@code wait} for its holder to end; {@code waiting} hears who it waits for. */
    public static Optional<TaskLock> acquire(Path runDirectory, String taskDirectory, String taskId, Duration wait,
            Consumer<String> waiting) {
        Path file = file(runDirectory, taskDirectory);
        LockHolder self = LockHolder.thisProcess(taskId);
        return Attempts.until(() -> LockFile.tryExclusive(file, self), wait,
                () -> waiting.accept(taskId + " is being run by " + holderText(file) + "; waiting for it to end"))
                .map(TaskLock::new);
    }

    /** Whether a live process, this one included, holds the lock of the task whose artefacts go to {@code taskDirectory}. */
    public static boolean isHeld(Path runDirectory, String taskDirectory) {
        return LockFile.state(file(runDirectory, taskDirectory)) != LockFile.State.FREE;
    }

    /** The live holder of a task's lock, if any. */
    public static Optional<LockHolder> holder(Path runDirectory, String taskDirectory) {
        Path file = file(runDirectory, taskDirectory);
        if (LockFile.state(file) == LockFile.State.FREE) {
            return Optional.empty();
        }
        return LockFile.recordedHolder(file).or(() -> Optional.of(unknown()));
    }

    /** Every task of the run directory whose lock is held right now. */
    public static List<Running> running(Path runDirectory) {
        Path locks = StudyLock.locksFolder(runDirectory);
        if (!Files.isDirectory(locks)) {
            return List.of();
        }
        List<Running> running = new ArrayList<>();
        try (Stream<Path> files = Files.walk(locks)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".lock"))
                    .filter(path -> !path.equals(StudyLock.file(runDirectory))).sorted().toList()) {
                if (LockFile.state(file) != LockFile.State.FREE) {
                    String relative = locks.relativize(file).toString();
                    running.add(new Running(relative.substring(0, relative.length() - ".lock".length()),
                            LockFile.recordedHolder(file).orElse(unknown())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the locks in " + locks, e);
        }
        return running;
    }

    static String holderText(Path file) {
        return LockFile.recordedHolder(file).map(LockHolder::describe).orElse("another process");
    }

    private static LockHolder unknown() {
        return new LockHolder("an unknown host", 0, java.time.Instant.EPOCH, "unknown");
    }

    static Path file(Path runDirectory, String taskDirectory) {
        requireNonNull(taskDirectory, "taskDirectory is null");
        return StudyLock.locksFolder(runDirectory).resolve(taskDirectory + ".lock");
    }

    @Override
    public void close() {
        held.close();
    }
}
