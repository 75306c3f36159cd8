package org.transferlab.kernel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;

/** The look every figure shares: fonts large enough to read in a PNG, a white plot, one palette. */
final class ChartStyle {

    static final int WIDTH = 860;
    static final int HEIGHT = 500;
    static final String FONT = Font.SANS_SERIF;

    /** Saturated colours for what matters (the parent comes first); the muted ones are these blended into white. */
    private static final Color[] PALETTE = {
        new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f),
    };
    static final Color REFERENCE = new Color(0x333333);
    static final Color GRID = new Color(0xe0e0e0);

    private ChartStyle() {
    }

    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0x999999));
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 17));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        styler.setLegendBorderColor(new Color(0xcccccc));
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A lighter version of a palette colour, for lines that should recede behind the highlighted one. */
    static Color muted(int index) {
        Color colour = colour(index);
        float keep = 0.45f;
        return new Color(blend(colour.getRed(), keep), blend(colour.getGreen(), keep), blend(colour.getBlue(), keep));
    }

    private static int blend(int channel, float keep) {
        return Math.round(channel * keep + 255 * (1 - keep));
    }
}
