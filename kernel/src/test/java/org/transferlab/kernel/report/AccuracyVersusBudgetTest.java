package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class AccuracyVersusBudgetTest {

    @TempDir
    Path run;

    @Test
    void oneChartPerTargetWithTheParentHighlightedAndTheOtherSourcesMuted() throws Exception {
        RunFixture.complete(run);

        PlotSet set = AccuracyVersusBudget.of(StoredRun.read(run).summaries());

        assertEquals(List.of("accuracy-vs-eps--alexnet-at-outline-to-digits-n100-first8--fgsm",
                "accuracy-vs-eps--alexnet-at-outline-to-digits-n400-first8--fgsm"),
                set.plots().stream().map(LinePlot::name).toList());
        LinePlot plot = set.plots().get(0);
        LinePlot.Line parent = plot.line("alexnet@outline (parent)");
        assertEquals(LinePlot.Emphasis.HIGHLIGHT, parent.emphasis());
        assertArrayEquals(new double[] {0.1, 0.2}, parent.x());
        assertArrayEquals(new double[] {0.70, 0.30}, parent.y());
        LinePlot.Line other = plot.line("alexnet@inverted");
        assertEquals(LinePlot.Emphasis.MUTED, other.emphasis());
        assertArrayEquals(new double[] {0.90, 0.40}, other.y());
        LinePlot.Line clean = plot.line("clean accuracy");
        assertEquals(LinePlot.Emphasis.REFERENCE, clean.emphasis());
        assertArrayEquals(new double[] {0.95, 0.95}, clean.y());
        assertTrue(set.skipped().isEmpty());
    }

    @Test
    void theDrawnParentLineIsThickerAndSaturatedWhileOthersArePale() throws Exception {
        RunFixture.complete(run);
        LinePlot plot = AccuracyVersusBudget.of(StoredRun.read(run).summaries()).plots().get(0);

        XYChart chart = LineChartRenderer.render(plot);

        XYSeries parent = chart.getSeries("alexnet@outline (parent)");
        XYSeries other = chart.getSeries("alexnet@inverted");
        assertEquals(LineChartRenderer.HIGHLIGHT_WIDTH, ((BasicStroke) parent.getLineStyle()).getLineWidth());
        assertEquals(LineChartRenderer.MUTED_WIDTH, ((BasicStroke) other.getLineStyle()).getLineWidth());
        assertEquals(ChartStyle.colour(0), parent.getLineColor());
        assertEquals(ChartStyle.muted(1), other.getLineColor());
        assertTrue(brightness(other.getLineColor().getRGB()) > brightness(ChartStyle.colour(1).getRGB()),
                "a muted line is paler than its palette colour");
        assertEquals(List.of("alexnet@inverted", "clean accuracy", "alexnet@outline (parent)"),
                chart.getSeriesCollection().stream().map(XYSeries::getName).toList(), "the parent is drawn last, over the others");
    }

    @Test
    void aTargetAttackedAtASingleBudgetHasNoChartButASentence() throws Exception {
        new RunFixture(run)
                .row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4)
                .row(100, "first8", RunFixture.OTHER, 0.1, 0.9, 0.6, 0.3)
                .writeResults();

        PlotSet set = AccuracyVersusBudget.of(StoredRun.read(run).summaries());

        assertTrue(set.plots().isEmpty());
        assertEquals(List.of("Attacked at a single budget, so without an accuracy-versus-ε curve (the heat maps and the "
                + "results table show them): fgsm."), set.skipped());
    }

    @Test
    void anAttackAtOneBudgetBesideACurveOfTheSameAttackNamesTheTargetsWithoutACurve() throws Exception {
        new RunFixture(run)
                .row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4)
                .row(100, "first8", RunFixture.PARENT, 0.2, 0.9, 0.4, 0.5)
                .row(400, "first8", RunFixture.PARENT, 0.1, 0.9, 0.6, 0.3)
                .writeResults();

        PlotSet set = AccuracyVersusBudget.of(StoredRun.read(run).summaries());

        assertEquals(1, set.plots().size());
        assertTrue(set.skipped().get(0).endsWith(": fgsm on alexnet@outline>digits-n400-first8."), set.skipped().get(0));
    }

    @Test
    void settingsThatDifferOnlyInTheBudgetShareACurve() {
        assertEquals("pgd-step_size0.01-steps40", AccuracyVersusBudget.withoutBudget("pgd-eps0.3-step_size0.01-steps40"));
        assertEquals("fgsm", AccuracyVersusBudget.withoutBudget("fgsm-eps0.1"));
        assertEquals("deepfool-steps50", AccuracyVersusBudget.withoutBudget("deepfool-steps50"));
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }
}
