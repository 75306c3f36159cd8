package org.transferlab.kernel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.transferlab.kernel.exec.ArtefactDirectory;

/** Writes each chart as {@code figures/<name>.png} and {@code .svg}, atomically, and remembers what it wrote. */
final class FigureFiles {

    static final String FOLDER = "figures";

    private final Path folder;
    private final Set<String> written = new LinkedHashSet<>();

    FigureFiles(Path runDirectory) {
        this.folder = runDirectory.resolve(FOLDER);
    }

    /** The PNG's bytes, to embed in the HTML report. */
    byte[] write(String name, Chart<?, ?> chart) {
        if (!written.add(name)) {
            throw new IllegalStateException("two figures are named " + name);
        }
        try {
            byte[] png = ChartEncoder.getBytes(chart, "png");
            ArtefactDirectory.writeAtomically(folder.resolve(name + ".png"), png);
            ArtefactDirectory.writeAtomically(folder.resolve(name + ".svg"), ChartEncoder.getBytes(chart, "svg"));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + folder.resolve(name), e);
        }
    }

    /** Names written so far, in order. */
    Set<String> names() {
        return Set.copyOf(written);
    }
}
