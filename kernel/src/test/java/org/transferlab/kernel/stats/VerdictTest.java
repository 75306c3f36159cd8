package org.transferlab.kernel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric.PairedComparison;
import org.transferlab.kernel.stats.Verdict.Comparison;
import org.transferlab.kernel.stats.Verdict.Outcome;
import org.transferlab.kernel.stats.Verdict.Summary;

class VerdictTest {

    // The exact McNemar p of b = 10, c = 2 (and of 2, 10) over 100 pairs is 0.03857421875; of 30 against 0, 2^-29.
    private static final PairedComparison PARENT_AHEAD = comparison(0.03857421875, 0.08);
    private static final PairedComparison PARENT_BEHIND = comparison(0.03857421875, -0.08);
    private static final PairedComparison PARENT_FAR_AHEAD = comparison(Math.pow(2, -29), 0.3);
    private static final PairedComparison PARENT_FAR_BEHIND = comparison(Math.pow(2, -29), -0.3);
    private static final PairedComparison TIED = comparison(1.0, 0);

    private static PairedComparison comparison(double p, double difference) {
        MetricValue d = new MetricValue("transfer_difference", difference, difference - 0.05, difference + 0.05, 0, 100);
        return new PairedComparison(p, d, List.of(MetricValue.plain("mcnemar_p", p), d));
    }

    private static Map<String, PairedComparison> others(Object... sourceAndComparison) {
        Map<String, PairedComparison> others = new LinkedHashMap<>();
        for (int i = 0; i < sourceAndComparison.length; i += 2) {
            others.put((String) sourceAndComparison[i], (PairedComparison) sourceAndComparison[i + 1]);
        }
        return others;
    }

    private static List<Outcome> outcomes(Verdict v) {
        return v.comparisons().stream().map(Comparison::outcome).toList();
    }

    @Test
    void aSingleSignificantComparisonFavoursTheParent() {
        Verdict v = Verdict.of("A", others("B", PARENT_AHEAD));
        Comparison c = v.comparisons().get(0);
        assertEquals(0.03857421875, c.p(), 1e-15);
        assertEquals(c.p(), c.adjustedP());
        assertEquals(0.08, c.difference(), 1e-15);
        assertEquals(Outcome.PARENT_BETTER, c.outcome());
        assertEquals(Summary.BETTER_THAN_ALL, v.summary());
    }

    @Test
    void holmsCorrectionCanRemoveSignificance() {
        // Two comparisons at p = 0.0386: the smaller is doubled to 0.0771, the other raised to match; both miss 0.05.
        Verdict v = Verdict.of("A", others("B", PARENT_AHEAD, "C", PARENT_AHEAD));
        assertEquals(2 * 0.03857421875, v.comparisons().get(0).adjustedP(), 1e-15);
        assertEquals(2 * 0.03857421875, v.comparisons().get(1).adjustedP(), 1e-15);
        assertEquals(List.of(Outcome.NO_DIFFERENCE, Outcome.NO_DIFFERENCE), outcomes(v));
        assertEquals(Summary.NO_DIFFERENCE, v.summary());
    }

    @Test
    void aLargerAlphaKeepsTheBorderlineComparisons() {
        Verdict v = Verdict.of("A", others("B", PARENT_AHEAD, "C", PARENT_AHEAD), 0.10);
        assertEquals(Summary.BETTER_THAN_ALL, v.summary());
    }

    @Test
    void theSignOfTheDifferenceDecidesBetterOrWorse() {
        Verdict v = Verdict.of("A", others("B", PARENT_FAR_AHEAD, "C", PARENT_FAR_BEHIND, "D", TIED));
        assertEquals(List.of(Outcome.PARENT_BETTER, Outcome.PARENT_WORSE, Outcome.NO_DIFFERENCE), outcomes(v));
        assertEquals(List.of("B", "C", "D"), v.comparisons().stream().map(Comparison::source).toList());
        assertEquals(Summary.MIXED, v.summary());
    }

    @Test
    void summariesDistinguishAllFromSome() {
        assertEquals(Summary.BETTER_THAN_ALL, Verdict.of("A", others("B", PARENT_FAR_AHEAD, "C", PARENT_FAR_AHEAD))
                .summary());
        assertEquals(Summary.BETTER_THAN_SOME, Verdict.of("A", others("B", PARENT_FAR_AHEAD, "C", TIED)).summary());
        assertEquals(Summary.WORSE_THAN_SOME, Verdict.of("A", others("B", TIED, "C", PARENT_FAR_BEHIND)).summary());
        assertEquals(Summary.WORSE_THAN_ALL, Verdict.of("A", others("B", PARENT_BEHIND)).summary());
        assertEquals(Summary.NO_DIFFERENCE, Verdict.of("A", others("B", TIED)).summary());
        assertEquals(Summary.NO_COMPARISONS, Verdict.of("A", others()).summary());
    }

    @Test
    void outcomesAreWrittenInKebabCase() {
        assertEquals("parent-better", Outcome.PARENT_BETTER.label());
        assertEquals("better-than-some", Summary.BETTER_THAN_SOME.label());
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.of("A", others(), 0));
    }
}
