package org.transferlab.kernel.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * Draws a {@link HeatMapMatrix} with XChart: sources across, targets down (the first target at the top), each cell
 * labelled with its transfer rate and coloured on a fixed scale from 0% (pale) to 100% (dark red), so that maps of
 * different attacks compare.
 */
final class HeatMapRenderer {

    private static final Color[] SCALE = {new Color(0xfff7ec), new Color(0xfdd49e), new Color(0xfc8d59), new Color(0xd7301f)};

    private HeatMapRenderer() {
    }

    static HeatMapChart render(HeatMapMatrix matrix) {
        int rows = matrix.targets().size();
        int columns = matrix.sources().size();
        int longestTarget = matrix.targets().stream().mapToInt(t -> ModelLabel.of(t).length()).max().orElse(0);
        int longestSource = matrix.sources().stream().mapToInt(t -> ModelLabel.of(t).length()).max().orElse(0);
        int columnWidth = Math.max(150, 8 * longestSource + 24);
        int width = Math.max(560, 120 + 8 * longestTarget + columnWidth * columns);
        int height = Math.max(300, 190 + 46 * rows);
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title("transfer rate — " + matrix.attack()).xAxisTitle("source (framed: the target's parent)").yAxisTitle("target").build();
        HeatMapStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setRangeColors(SCALE);
        styler.setMin(0);
        styler.setMax(1);
        styler.setShowValue(true);
        styler.setValueFont(new Font(ChartStyle.FONT, Font.BOLD, 15));
        styler.setValueFontColor(new Color(0x111111));
        styler.setHeatMapValueDecimalPattern("0.0%");
        // XChart's gradient legend prints its bounds unformatted (0.0, 1.0); every cell shows its value instead.
        styler.setLegendVisible(false);
        styler.setPlotContentSize(1.0);
        styler.setDrawBorder(true);
        styler.setAxisTicksLineVisible(false);
        styler.setPlotGridLinesVisible(false);
        // XChart leaves out every other category label when they are closer than this hint; a row is 46 px.
        styler.setXAxisTickMarkSpacingHint(30);

        List<String> sources = matrix.sources().stream().map(ModelLabel::of).toList();
        List<String> targets = new ArrayList<>();
        for (int row = rows - 1; row >= 0; row--) {
            targets.add(ModelLabel.of(matrix.targets().get(row)));
        }
        List<Number[]> cells = new ArrayList<>();
        boolean[][] parent = new boolean[rows][columns];
        for (int t = 0; t < rows; t++) {
            int y = rows - 1 - t;
            for (int s = 0; s < columns; s++) {
                if (!Double.isNaN(matrix.values()[t][s])) {
                    cells.add(new Number[] {s, y, matrix.values()[t][s]});
                }
                parent[y][s] = matrix.parent()[t][s];
            }
        }
        chart.addSeries("transfer rate", sources, targets, cells);
        chart.addAnnotation(new ParentCellFrame(parent));
        return chart;
    }
}
