package org.transferlab.kernel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.transferlab.kernel.io.RunDirectoryGuard;
import org.transferlab.kernel.exec.ArtefactDirectory;

/**
 * Builds {@code report.md}, a self-contained {@code report.html} and {@code figures/*.png|svg} in a run directory from
 * its stored results alone: the same files whether {@code run} writes them at its end or {@code report} rebuilds them.
 */
public final class Report {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    /** The figures the last report wrote, so that the next one removes only its own. */
    static final String FIGURE_INDEX = "figures.json";
    private static final ObjectMapper INDEX_JSON = new ObjectMapper();

    /** What was written: the two reports and the number of figures. */
    public record Written(Path markdown, Path html, int figures, List<String> notes) {
    }

    private Report() {
    }

    /** @throws ReportException when {@code results.json} is missing or unreadable; optional files only degrade it */
    public static Written write(Path runDirectory) {
        RunDirectoryGuard.check(runDirectory);
        StoredRun run = StoredRun.read(runDirectory);
        FigureFiles figures = new FigureFiles(runDirectory);
        List<ReportBlock> blocks = ReportSections.of(run, figures);
        Path markdown = runDirectory.resolve(MARKDOWN);
        Path html = runDirectory.resolve(HTML);
        try {
            ArtefactDirectory.writeAtomically(markdown, MarkdownRenderer.render(blocks).getBytes(StandardCharsets.UTF_8));
            ArtefactDirectory.writeAtomically(html, HtmlRenderer.render("transferlab report: " + run.header().experiment(),
                    blocks).getBytes(StandardCharsets.UTF_8));
            removeStaleFigures(runDirectory, figures.names());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + runDirectory, e);
        }
        return new Written(markdown, html, figures.names().size(), run.notes());
    }

    /**
     * Figures of an earlier report that this one no longer has (the study changed) would mislead; they go. Only figures
     * a report wrote are removed: their names are kept in {@value #FIGURE_INDEX}, and any other file in the folder is
     * left alone.
     */
    private static void removeStaleFigures(Path runDirectory, Set<String> current) throws IOException {
        Path index = runDirectory.resolve(FIGURE_INDEX);
        Set<String> written = new TreeSet<>();
        if (Files.isRegularFile(index)) {
            try {
                for (JsonNode name : INDEX_JSON.readTree(index.toFile()).path("figures")) {
                    written.add(name.asText());
                }
            } catch (IOException e) {
                written.clear();    // an unreadable index names nothing to remove
            }
        }
        Path folder = runDirectory.resolve(FigureFiles.FOLDER);
        for (String name : written) {
            if (!current.contains(name) && isFigureName(name)) {
                Files.deleteIfExists(folder.resolve(name + ".png"));
                Files.deleteIfExists(folder.resolve(name + ".svg"));
            }
        }
        ArtefactDirectory.writeJson(index, Map.of("figures", new TreeSet<>(current)));
    }

    /** A plain file name: nothing in the index may reach outside the figures folder. */
    private static boolean isFigureName(String name) {
        return name.matches("[A-Za-z0-9._@+~-]+") && !name.startsWith(".");
    }
}
