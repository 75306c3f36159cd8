package org.transferlab.kernel.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.plan.Task;

/**
 * {@code <run>/failures/<task directory>.json}: the last failure of a task that has not succeeded since, whichever
 * process or executor ran it, so that {@code status} can name it. Committing the task removes it.
 */
public final class TaskFailures {

    static final String FOLDER = "failures";

    /** How a task failed: the error, and where and when. */
    public record Failure(String taskId, String error, String host, long pid, Instant at) {
    }

    private TaskFailures() {
    }

    static void record(Path runDirectory, Task task, Throwable error) {
        LockHolder self = LockHolder.thisProcess(task.id());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("task", task.id());
        record.put("error", String.valueOf(error.getMessage() == null ? error : error.getMessage()));
        record.put("host", self.host());
        record.put("pid", self.pid());
        record.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            ArtefactDirectory.writeJson(file(runDirectory, task.directory()), record);
        } catch (IOException e) {
            error.addSuppressed(e); // the failure itself matters more than its record
        }
    }

    static void clear(Path runDirectory, Task task) {
        try {
            Files.deleteIfExists(file(runDirectory, task.directory()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the failure record of " + task.id(), e);
        }
    }

    /** The recorded failure of the task whose artefacts go to {@code taskDirectory}, if it has one. */
    public static Optional<Failure> of(Path runDirectory, String taskDirectory) {
        Path file = file(runDirectory, taskDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = ArtefactDirectory.JSON.readTree(file.toFile());
            return Optional.of(new Failure(node.path("task").asText(), node.path("error").asText(),
                    node.path("host").asText(), node.path("pid").asLong(), Instant.parse(node.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path file(Path runDirectory, String taskDirectory) {
        return runDirectory.resolve(FOLDER).resolve(taskDirectory + ".json");
    }
}
