package org.transferlab.kernel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.kernel.exec.ArtefactDirectory;

/**
 * Builds {@code report.md}, a self-contained {@code report.html} and {@code figures/*.png|svg} in a run directory from
 * its stored results alone: the same files whether {@code run} writes them at its end or {@code report} rebuilds them.
 */
public final class Report {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    /** What was written: the two reports and the number of figures. */
    public record Written(Path markdown, Path html, int figures, List<String> notes) {
    }

    private Report() {
    }

    /** @throws ReportException when {@code results.json} is missing or unreadable; optional files only degrade it */
    public static Written write(Path runDirectory) {
        StoredRun run = StoredRun.read(runDirectory);
        FigureFiles figures = new FigureFiles(runDirectory);
        List<ReportBlock> blocks = ReportSections.of(run, figures);
        Path markdown = runDirectory.resolve(MARKDOWN);
        Path html = runDirectory.resolve(HTML);
        try {
            ArtefactDirectory.writeAtomically(markdown, MarkdownRenderer.render(blocks).getBytes(StandardCharsets.UTF_8));
            ArtefactDirectory.writeAtomically(html, HtmlRenderer.render("transferlab report: " + run.header().experiment(),
                    blocks).getBytes(StandardCharsets.UTF_8));
            removeStaleFigures(runDirectory.resolve(FigureFiles.FOLDER), figures.names());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + runDirectory, e);
        }
        return new Written(markdown, html, figures.names().size(), run.notes());
    }

    /** Figures of an earlier report that this one no longer has (the study changed) would mislead; they go. */
    private static void removeStaleFigures(Path folder, Set<String> current) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                boolean figure = name.endsWith(".png") || name.endsWith(".svg");
                if (figure && !current.contains(name.substring(0, dot))) {
                    Files.delete(file);
                }
            }
        }
    }
}
