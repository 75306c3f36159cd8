package org.transferlab.kernel.report;

import java.util.List;

/** {@code report.md}: figures are linked from {@code figures/}, previews from {@code adversarial/}. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(List<ReportBlock> blocks) {
        StringBuilder out = new StringBuilder();
        render(blocks, out);
        return out.toString();
    }

    private static void render(List<ReportBlock> blocks, StringBuilder out) {
        for (ReportBlock block : blocks) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (block instanceof ReportBlock.Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(escape(heading.text())).append('\n');
            } else if (block instanceof ReportBlock.Paragraph paragraph) {
                out.append(escape(paragraph.text())).append('\n');
            } else if (block instanceof ReportBlock.Table table) {
                table(table, out);
            } else if (block instanceof ReportBlock.Image image) {
                out.append("![").append(image.path()).append("](").append(image.path())
                        .append(")\n\n*").append(escape(image.caption())).append('*');
                if (image.svgPath() != null) {
                    out.append(" ([SVG](").append(image.svgPath()).append("))");
                }
                out.append('\n');
            } else if (block instanceof ReportBlock.Collapsible collapsible) {
                // GitHub and most Markdown viewers fold <details>; the blank lines let the table inside render.
                out.append("<details><summary>").append(escape(collapsible.summary())).append("</summary>\n");
                render(collapsible.blocks(), out);
                out.append("\n</details>\n");
            }
        }
    }

    private static void table(ReportBlock.Table table, StringBuilder out) {
        row(table.header(), out);
        out.append('|');
        for (int i = 0; i < table.header().size(); i++) {
            out.append(table.numeric()[i] ? " ---: |" : " --- |");
        }
        out.append('\n');
        table.rows().forEach(row -> row(row, out));
    }

    private static void row(List<String> cells, StringBuilder out) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell).replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }

    /** Characters that Markdown would read as emphasis, code, links or HTML. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_<".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
