package org.transferlab.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    @Test
    void matchesThePublishedCavoExample() {
        // Cavo et al. (2012), complete response before/after consolidation therapy, table [[59, 6], [16, 80]]: the
        // Newcombe square-and-add interval is printed as -0.0621 (95% CI -0.1186 to -0.0046) in Fagerland, Lydersen &
        // Laake, Statistical Analysis of Contingency Tables (2017), ch. 8. The finer digits are from a separate Python
        // evaluation of the same formula.
        PairedDifference d = PairedDifference.of(new PairedCounts(59, 6, 16, 80));
        assertEquals(-10.0 / 161, d.estimate(), 1e-15);
        assertEquals(-0.1186, d.lower(), 5e-5);
        assertEquals(-0.0046, d.upper(), 5e-5);
        assertEquals(-0.11862119563870992, d.lower(), 1e-12);
        assertEquals(-0.004625113933050047, d.upper(), 1e-12);
    }

    @Test
    void swappingTheSourcesMirrorsTheInterval() {
        PairedDifference ab = PairedDifference.of(new PairedCounts(30, 12, 4, 54));
        PairedDifference ba = PairedDifference.of(new PairedCounts(30, 4, 12, 54));
        assertEquals(-ab.estimate(), ba.estimate(), 1e-15);
        assertEquals(-ab.lower(), ba.upper(), 1e-12);
        assertEquals(-ab.upper(), ba.lower(), 1e-12);
    }

    @Test
    void noDiscordantPairsStillLeaveAnIntervalAroundZero() {
        PairedDifference d = PairedDifference.of(new PairedCounts(20, 0, 0, 20));
        assertEquals(0.0, d.estimate());
        assertTrue(d.lower() < 0 && d.upper() > 0, d.toString());
    }

    @Test
    void theIntervalStaysWithinMinusOneAndOne() {
        PairedDifference all = PairedDifference.of(new PairedCounts(0, 10, 0, 0));
        assertEquals(1.0, all.estimate());
        assertTrue(all.upper() <= 1 && all.lower() > 0, all.toString());
        PairedDifference none = PairedDifference.of(new PairedCounts(0, 0, 10, 0));
        assertTrue(none.lower() >= -1 && none.upper() < 0, none.toString());
    }

    @Test
    void theIntervalContainsTheEstimate() {
        PairedCounts[] tables = {new PairedCounts(1, 1, 7, 12), new PairedCounts(500, 40, 25, 435),
            new PairedCounts(0, 3, 1, 0), new PairedCounts(90_000, 6_000, 4_000, 0)};
        for (PairedCounts t : tables) {
            PairedDifference d = PairedDifference.of(t);
            assertTrue(d.lower() < d.estimate() && d.estimate() < d.upper(), t + " -> " + d);
        }
    }

    @Test
    void nothingCountedGivesNaN() {
        PairedDifference d = PairedDifference.of(new PairedCounts(0, 0, 0, 0));
        assertTrue(Double.isNaN(d.estimate()) && Double.isNaN(d.lower()) && Double.isNaN(d.upper()));
    }
}
