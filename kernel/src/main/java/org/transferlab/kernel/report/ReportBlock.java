package org.transferlab.kernel.report;

import java.util.List;

/** The report as a sequence of blocks, written once and rendered both as Markdown and as HTML. */
sealed interface ReportBlock {

    record Heading(int level, String text) implements ReportBlock {
    }

    record Paragraph(String text) implements ReportBlock {
    }

    /** @param numeric per column, whether it holds numbers (right-aligned) */
    record Table(List<String> header, List<List<String>> rows, boolean[] numeric) implements ReportBlock {

        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /**
     * A picture: a figure the report drew, or an attack's preview grid.
     *
     * @param path     relative to the run directory, for the Markdown report
     * @param svgPath  the figure's SVG, or null
     * @param png      the PNG's bytes, embedded in the HTML report
     */
    record Image(String path, String svgPath, String caption, byte[] png) implements ReportBlock {
    }

    /** Blocks shown folded, under a one-line summary that opens them (HTML {@code <details>}). */
    record Collapsible(String summary, List<ReportBlock> blocks) implements ReportBlock {

        public Collapsible {
            blocks = List.copyOf(blocks);
        }
    }
}
