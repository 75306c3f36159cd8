package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns, two spaces apart, the last one unpadded; a note is printed as it is, where it was added. */
final class TextTable {

    private final List<String[]> lines = new ArrayList<>();

    TextTable row(String... cells) {
        lines.add(cells.clone());
        return this;
    }

    TextTable note(String text) {
        lines.add(new String[] {null, text});
        return this;
    }

    void print(PrintWriter out) {
        List<Integer> widths = new ArrayList<>();
        for (String[] line : lines) {
            if (line[0] == null) {
                continue;
            }
            for (int i = 0; i < line.length - 1; i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), line[i].length()));
            }
        }
        for (String[] line : lines) {
            if (line[0] == null) {
                out.println(line[1]);
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean last = i == line.length - 1;
                text.append(last ? line[i] : String.format("%-" + widths.get(i) + "s  ", line[i]));
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }
}
