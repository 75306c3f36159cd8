package org.transferlab.kernel.report;

import java.util.Base64;
import java.util.List;

/** {@code report.html}: one self-contained file, every picture embedded as a data URI, no scripts, no links out. */
final class HtmlRenderer {

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px;
                   padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
            div.table { overflow-x: auto; margin: 1em 0; }
            table { border-collapse: collapse; font-size: .88em; }
            th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top;
                     white-space: nowrap; }
            th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: .9em; color: #555; margin-top: .4em; }
            img.preview { image-rendering: pixelated; }
            details { margin: 1em 0; } summary { cursor: pointer; font-weight: bold; }
            """;

    private HtmlRenderer() {
    }

    static String render(String title, List<ReportBlock> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        blocks.forEach(block -> block(block, out));
        return out.append("</body>\n</html>\n").toString();
    }

    private static void block(ReportBlock block, StringBuilder out) {
            if (block instanceof ReportBlock.Heading heading) {
                out.append("<h").append(heading.level()).append('>').append(escape(heading.text())).append("</h")
                        .append(heading.level()).append(">\n");
            } else if (block instanceof ReportBlock.Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof ReportBlock.Table table) {
                table(table, out);
            } else if (block instanceof ReportBlock.Image image) {
                // A picture without an SVG is a preview grid of small digits: scaled up, it stays sharp, not blurred.
                out.append("<figure><img").append(image.svgPath() == null ? " class=\"preview\"" : "")
                        .append(" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(image.png()))
                        .append("\" alt=\"").append(escape(image.path())).append("\"><figcaption>")
                        .append(escape(image.caption())).append("</figcaption></figure>\n");
            } else if (block instanceof ReportBlock.Collapsible collapsible) {
                out.append("<details><summary>").append(escape(collapsible.summary())).append("</summary>\n");
                collapsible.blocks().forEach(inner -> block(inner, out));
                out.append("</details>\n");
            }
    }

    private static void table(ReportBlock.Table table, StringBuilder out) {
        out.append("<div class=\"table\"><table>\n<thead><tr>");
        table.header().forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(table.numeric()[i] ? "<td class=\"num\">" : "<td>").append(escape(row.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
