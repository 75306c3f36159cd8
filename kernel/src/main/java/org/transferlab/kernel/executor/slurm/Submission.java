package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.transferlab.kernel.io.AtomicFiles;

/**
 * One submission of a study to Slurm, kept readable in {@code <run>/slurm/<id>/}: the copy of the experiment file its
 * jobs read, each array's script and tasks file, the final job's script, {@code submit.sh}, one log per task in
 * {@code logs/}, each job's exit status in {@code exits/}, and {@code submission.json}, which records the job ids.
 *
 * @param folder  the submission's folder
 * @param record  what {@code submission.json} holds
 */
public record Submission(Path folder, Record record) {

    static final String FILE = "submission.json";
    static final String FOLDER = "slurm";
    static final String LOGS = "logs";
    static final String EXITS = "exits";
    /** The final job's name among the arrays' in {@code logs/} and {@code exits/}. */
    static final String FINISH = "finish";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * {@code submission.json}.
     *
     * @param submitted  false for a {@code --dry-run}: the scripts are written, nothing was submitted
     * @param arrays     in submission order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String id, String created, String experiment, String experimentFile, boolean submitted,
                         List<Array> arrays, Job finish) {
    }

    /** A submitted array: its job id (null until submitted), its dependency option and its tasks in index order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Array(String name, int level, String jobId, String dependency, List<String> tasks) {
    }

    /** The final job. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Job(String jobId, String dependency) {
    }

    public Submission {
        requireNonNull(folder, "folder is null");
        requireNonNull(record, "record is null");
    }

    /** Every submission of a run directory, oldest first. */
    public static List<Submission> all(Path runDirectory) {
        Path root = runDirectory.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Submission> submissions = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                read(folder).ifPresent(submissions::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        submissions.sort(Comparator.comparing(submission -> submission.record().created()));
        return submissions;
    }

    /** The newest submission that was submitted (not a dry run), if any. */
    public static Optional<Submission> latest(Path runDirectory) {
        List<Submission> submitted = all(runDirectory).stream().filter(s -> s.record().submitted()).toList();
        return submitted.isEmpty() ? Optional.empty() : Optional.of(submitted.get(submitted.size() - 1));
    }

    static Optional<Submission> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Submission(folder, JSON.readValue(file.toFile(), Record.class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write() throws IOException {
        byte[] json = JSON.writeValueAsBytes(record);
        AtomicFiles.write(folder.resolve(FILE), out -> out.write(json));
    }

    Submission with(Record other) {
        return new Submission(folder, other);
    }

    /** Every job id of the submission, the final job's last. */
    public List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        record.arrays().stream().map(Array::jobId).filter(java.util.Objects::nonNull).forEach(ids::add);
        if (record.finish() != null && record.finish().jobId() != null) {
            ids.add(record.finish().jobId());
        }
        return ids;
    }

    /** The exit status a job of array {@code name}, index {@code index}, left; empty when it has not ended. */
    public OptionalInt exitStatus(String name, int index) {
        return exitStatus(folder.resolve(EXITS).resolve(elementName(name, Integer.toString(index))));
    }

    /** The exit status the final job left; empty when it has not ended. */
    public OptionalInt finishStatus() {
        return exitStatus(folder.resolve(EXITS).resolve(FINISH));
    }

    public Path log(String name, int index) {
        return folder.resolve(LOGS).resolve(logName(elementName(name, Integer.toString(index))));
    }

    public Path finishLog() {
        return folder.resolve(LOGS).resolve(logName(FINISH));
    }

    /**
     * How the files of one array element are named in {@code logs/} and {@code exits/}: {@code <array>_<index>};
     * {@code index} may be a pattern that Slurm or the shell fills in.
     */
    static String elementName(String array, String index) {
        return array + "_" + index;
    }

    static String logName(String element) {
        return element + ".log";
    }

    private static OptionalInt exitStatus(Path file) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
