package org.transferlab.kernel.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.kernel.results.RepeatSummary;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.VerdictRow;

/**
 * Everything a report shows, read from a run directory alone. Only {@code results.json} is required; without the
 * other files the report has less in it, and {@link #notes()} says what was missing or unreadable.
 *
 * @param verdicts   empty when {@code verdicts.json} is absent or holds none
 * @param pooledVerdicts  over the repeats, from {@code verdicts-pooled.json}; empty for a study of one repeat
 * @param summaries  per target × source × attack over the repeats, from {@code summary.json} or, for runs written
 *                   before it existed, computed from the rows
 */
record StoredRun(Path directory, RunHeader header, List<ResultRow> rows, List<RepeatSummary> summaries,
        Optional<List<VerdictRow>> verdicts, List<VerdictRow> pooledVerdicts, List<TrainingCurve> trainingCurves,
        List<AdversarialPreview> previews, List<String> notes) {

    static final String RESULTS = "results.json";
    static final String POOLED_VERDICTS = "verdicts-pooled.json";

    StoredRun {
        rows = List.copyOf(rows);
        summaries = List.copyOf(summaries);
        pooledVerdicts = List.copyOf(pooledVerdicts);
        trainingCurves = List.copyOf(trainingCurves);
        previews = List.copyOf(previews);
        notes = List.copyOf(notes);
    }

    static StoredRun read(Path directory) {
        Path results = directory.resolve(RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new ReportException(results + " does not exist; RUN_DIR must be a run directory "
                    + "(<output>/<experiment>/) written by a complete 'transferlab run'");
        }
        List<String> notes = new ArrayList<>();
        List<ResultRow> rows = StoredResults.rows(results);
        String directoryName = String.valueOf(directory.getFileName());
        RunHeader header = optional(directory, directory.resolve("manifest.json"), notes,
                file -> RunHeader.of(JsonFiles.read(file), directoryName))
                .orElseGet(() -> RunHeader.of(null, directoryName));
        List<RepeatSummary> summaries = optional(directory, directory.resolve("summary.json"), notes, StoredResults::summaries)
                .orElseGet(() -> RepeatSummary.of(rows));
        Optional<List<VerdictRow>> verdicts = optional(directory, directory.resolve("verdicts.json"), notes, StoredResults::verdicts);
        Path pooledFile = directory.resolve(POOLED_VERDICTS);
        List<VerdictRow> pooled = Files.isRegularFile(pooledFile)
                ? optional(directory, pooledFile, notes, StoredResults::verdicts).orElse(List.of()) : List.of();
        // A run directory can hold artefacts of tasks an edited file no longer plans; only this run's models and
        // attacks, those the results name, are shown.
        Set<String> models = new HashSet<>();
        for (ResultRow row : rows) {
            models.add(row.target());
            models.add(row.source());
        }
        List<TrainingCurve> curves = new ArrayList<>();
        for (Path model : subdirectories(directory.resolve("models"))) {
            optional(directory, model.resolve("model.json"), notes, TrainingCurve::read)
                    .filter(curve -> models.contains(curve.modelId())).ifPresent(curves::add);
        }
        List<AdversarialPreview> previews = new ArrayList<>();
        for (Path attack : subdirectories(directory.resolve("adversarial"))) {
            Path png = attack.resolve("preview.png");
            if (!Files.isRegularFile(png)) {
                continue;
            }
            if (!Files.isRegularFile(attack.resolve("meta.json"))) {
                notes.add(directory.relativize(attack.resolve("meta.json")) + " is absent; its preview is left out");
                continue;
            }
            optional(directory, attack.resolve("meta.json"), notes,
                    meta -> AdversarialPreview.read(directory, attack, readBytes(png)))
                    .filter(preview -> rows.stream().anyMatch(row -> attacked(row, preview))).ifPresent(previews::add);
        }
        return new StoredRun(directory, header, rows, summaries, verdicts, pooled, curves, previews, notes);
    }

    /** Whether {@code preview} shows the examples a result row evaluated: same source, same attack setting. */
    private static boolean attacked(ResultRow row, AdversarialPreview preview) {
        return row.source().equals(preview.source()) && (preview.id().endsWith("/" + row.attack())
                || preview.id().endsWith("/" + row.attack() + "-r" + row.repeat()));
    }

    /** Whether the study ran more than one repeat (independent seeds of the whole chain). */
    boolean repeated() {
        return summaries.stream().anyMatch(summary -> summary.repeats() > 1);
    }

    private interface Reader<T> {
        T read(Path file);
    }

    /** An optional file: absent gives empty; unreadable gives empty and a note naming it. */
    private static <T> Optional<T> optional(Path directory, Path file, List<String> notes, Reader<T> reader) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(file));
        } catch (ReportException e) {
            // Relative to the run directory, so that the report reads the same wherever the run is moved.
            notes.add(e.getMessage().replace(file.toString(), directory.relativize(file).toString()));
            return Optional.empty();
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Committed artefact directories in name order; working copies (.name.tmp-…) are not results yet. */
    private static List<Path> subdirectories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ReportException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }
}
