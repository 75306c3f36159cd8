package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferSweepTest {

    @TempDir
    Path run;

    @Test
    void transferAgainstSubsetSizeHasAParentLineAndAMeanOfTheOthersAtEvenlySpacedSizes() throws Exception {
        RunFixture.complete(run);

        PlotSet set = TransferSweep.SUBSET.of(StoredRun.read(run).summaries());

        assertEquals(List.of("transfer-vs-subset--fgsm-eps0.1", "transfer-vs-subset--fgsm-eps0.2"),
                set.plots().stream().map(LinePlot::name).toList());
        LinePlot plot = set.plots().get(0);
        assertEquals(List.of("100", "400"), plot.xLabels());
        LinePlot.Line parent = plot.line("alexnet@outline>digits, first8: parent");
        assertEquals(LinePlot.Emphasis.HIGHLIGHT, parent.emphasis());
        assertArrayEquals(new double[] {0, 1}, parent.x());
        assertArrayEquals(new double[] {0.26, 0.23}, parent.y());
        LinePlot.Line others = plot.line("alexnet@outline>digits, first8: mean of 1 other source");
        assertEquals(LinePlot.Emphasis.MUTED, others.emphasis());
        assertTrue(others.dashed());
        assertArrayEquals(new double[] {0.05, 0.06}, others.y());
        assertTrue(set.skipped().isEmpty());
    }

    @Test
    void aStudyWithOneFreezeDepthHasNoFreezeChartButSaysWhy() throws Exception {
        RunFixture.complete(run);

        PlotSet set = TransferSweep.FREEZE.of(StoredRun.read(run).summaries());

        assertTrue(set.plots().isEmpty());
        assertEquals(List.of("No chart of transfer against freeze depth: the study uses a single freeze depth for each "
                + "family of fine-tuned targets, so there is nothing to compare."), set.skipped());
    }

    @Test
    void aStudyWithOneSubsetSizeHasNoSubsetChartButSaysWhy() throws Exception {
        new RunFixture(run)
                .row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4)
                .row(100, "first4", RunFixture.PARENT, 0.1, 0.9, 0.6, 0.3)
                .writeResults();

        PlotSet set = TransferSweep.SUBSET.of(StoredRun.read(run).summaries());

        assertTrue(set.plots().isEmpty());
        assertEquals(1, set.skipped().size());
        assertTrue(set.skipped().get(0).startsWith("No chart of transfer against subset size"), set.skipped().get(0));
    }

    @Test
    void freezeDepthIsTheTensorCountOfFirstOrLastAndNoneIsZero() {
        assertEquals(OptionalDouble.of(8), TransferSweep.freezeCount("first8"));
        assertEquals(OptionalDouble.of(2), TransferSweep.freezeCount("last2"));
        assertEquals(OptionalDouble.of(0), TransferSweep.freezeCount("none"));
        assertEquals(OptionalDouble.empty(), TransferSweep.freezeCount("params1a2b3c"));
    }

    @Test
    void anUnfrozenTargetIsDepthZeroOfTheFreezeFamilyItOtherwiseBelongsTo() throws Exception {
        new RunFixture(run)
                .row(100, "none", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.40)
                .row(100, "first4", RunFixture.PARENT, 0.1, 0.9, 0.6, 0.30)
                .row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.7, 0.20)
                .writeResults();

        PlotSet set = TransferSweep.FREEZE.of(StoredRun.read(run).summaries());

        LinePlot.Line parent = set.plots().get(0).line("alexnet@outline>digits, n100: parent");
        assertArrayEquals(new double[] {0, 4, 8}, parent.x());
        assertArrayEquals(new double[] {0.40, 0.30, 0.20}, parent.y());
        assertEquals(null, set.plots().get(0).xLabels(), "freeze depths are drawn to scale");
    }
}
