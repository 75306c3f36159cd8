package org.transferlab.kernel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link LinePlot} with XChart: the highlighted line thick and saturated, muted ones thin and pale. */
final class LineChartRenderer {

    static final float HIGHLIGHT_WIDTH = 4f;
    static final float NORMAL_WIDTH = 2.5f;
    static final float MUTED_WIDTH = 1.8f;
    private static final String RATE_PATTERN = "0%";
    private static final int LEGEND_LINE = 22;

    private LineChartRenderer() {
    }

    static XYChart render(LinePlot plot) {
        // The legend sits below the plot: every line past the third makes the chart taller instead of the plot flatter.
        int height = ChartStyle.HEIGHT + LEGEND_LINE * Math.max(0, plot.lines().size() - 3);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(height).title(plot.title())
                .xAxisTitle(plot.xTitle()).yAxisTitle(plot.yTitle()).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(8);
        if (plot.xLabels() != null) {
            List<String> labels = plot.xLabels();
            chart.getStyler().setXAxisTickLabelsFormattingFunction(x -> {
                long position = Math.round(x);
                return position >= 0 && position < labels.size() && Math.abs(x - position) < 1e-9
                        ? labels.get((int) position) : " ";
            });
        }
        chart.getStyler().setYAxisMin(0, 0.0);
        if (plot.yIsRate()) {
            chart.getStyler().setYAxisMax(0, 1.0);
            chart.getStyler().putYAxisGroupDecimalPatternMap(0, RATE_PATTERN);
        } else {
            chart.getStyler().putYAxisGroupDecimalPatternMap(0, "0.0##");
        }
        if (plot.rightYTitle() != null) {
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            chart.setYAxisGroupTitle(1, plot.rightYTitle());
            chart.getStyler().setYAxisMin(1, 0.0);
            chart.getStyler().setYAxisMax(1, 1.0);
            // XChart 4.0.3 formats every y axis of an XY chart with the first axis's pattern, so the right axis shows
            // fractions (0.9) rather than percentages.
        }
        // Muted lines first, so that the highlighted ones are drawn over them.
        for (LinePlot.Emphasis emphasis : new LinePlot.Emphasis[] {LinePlot.Emphasis.MUTED, LinePlot.Emphasis.REFERENCE,
                LinePlot.Emphasis.NORMAL, LinePlot.Emphasis.HIGHLIGHT}) {
            for (LinePlot.Line line : plot.lines()) {
                if (line.emphasis() == emphasis) {
                    add(chart, line);
                }
            }
        }
        return chart;
    }

    private static void add(XYChart chart, LinePlot.Line line) {
        XYSeries series = chart.addSeries(line.label(), line.x(), line.y());
        Color colour = switch (line.emphasis()) {
            case HIGHLIGHT, NORMAL -> ChartStyle.colour(line.colour());
            case MUTED -> ChartStyle.muted(line.colour());
            case REFERENCE -> ChartStyle.REFERENCE;
        };
        float width = switch (line.emphasis()) {
            case HIGHLIGHT -> HIGHLIGHT_WIDTH;
            case NORMAL -> NORMAL_WIDTH;
            case MUTED, REFERENCE -> MUTED_WIDTH;
        };
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(line.dashed()
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        series.setMarker(line.emphasis() == LinePlot.Emphasis.REFERENCE ? SeriesMarkers.NONE
                : line.emphasis() == LinePlot.Emphasis.HIGHLIGHT ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (line.right()) {
            series.setYAxisGroup(1);
        }
    }
}
