package org.transferlab.kernel.report;

import java.util.List;
import java.util.SortedMap;

/**
 * A line chart as data, before it is drawn: what each line shows and how much it stands out.
 *
 * @param name         the figure's file name without extension, unique within a report
 * @param yIsRate      the left axis is a rate in [0, 1], labelled in percent
 * @param rightYTitle  the title of a second, right-hand rate axis, or null for none
 * @param xLabels      null for a numeric x axis; otherwise the x values are positions 0, 1, … evenly spaced and these
 *                     are their labels (subset sizes span orders of magnitude, too few for a logarithmic axis's decades)
 */
record LinePlot(String name, String title, String xTitle, String yTitle, boolean yIsRate, String rightYTitle,
        List<String> xLabels, List<Line> lines) {

    LinePlot {
        xLabels = xLabels == null ? null : List.copyOf(xLabels);
        lines = List.copyOf(lines);
    }

    /** How a line is drawn: the parent's stands out, the other sources' recede, a reference is dashed and dark. */
    enum Emphasis { HIGHLIGHT, NORMAL, MUTED, REFERENCE }

    /**
     * @param colour  index into the report's palette; lines that belong together share it
     * @param right   drawn against the right-hand axis
     */
    record Line(String label, double[] x, double[] y, Emphasis emphasis, int colour, boolean dashed, boolean right) {

        /** A line through {@code points} (x → y) in x order. */
        static Line through(String label, SortedMap<Double, Double> points, Emphasis emphasis, int colour,
                boolean dashed) {
            return new Line(label, points.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray(), emphasis, colour, dashed, false);
        }
    }

    Line line(String label) {
        return lines.stream().filter(line -> line.label().equals(label)).findFirst().orElse(null);
    }
}
