package org.transferlab.kernel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.stats.Verdict.Comparison;
import org.transferlab.kernel.stats.Verdict.Outcome;
import org.transferlab.kernel.stats.Verdict.Summary;

class VerdictTest {

    // Exact McNemar p of b = 10, c = 2 (and of 2, 10): 0.03857421875; of 30 against 0: 2^-29.
    private static final PairedCounts PARENT_AHEAD = new PairedCounts(50, 10, 2, 38);
    private static final PairedCounts PARENT_BEHIND = new PairedCounts(50, 2, 10, 38);
    private static final PairedCounts PARENT_FAR_AHEAD = new PairedCounts(40, 30, 0, 30);
    private static final PairedCounts PARENT_FAR_BEHIND = new PairedCounts(40, 0, 30, 30);
    private static final PairedCounts TIED = new PairedCounts(50, 5, 5, 40);

    private static Map<String, PairedCounts> others(Object... sourceAndCounts) {
        Map<String, PairedCounts> others = new LinkedHashMap<>();
        for (int i = 0; i < sourceAndCounts.length; i += 2) {
            others.put((String) sourceAndCounts[i], (PairedCounts) sourceAndCounts[i + 1]);
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
        assertEquals(0.08, c.difference().estimate(), 1e-15);
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
    void nothingCountedIsNoDifference() {
        Verdict v = Verdict.of("A", others("B", new PairedCounts(0, 0, 0, 0)));
        assertEquals(1.0, v.comparisons().get(0).p());
        assertEquals(Outcome.NO_DIFFERENCE, v.comparisons().get(0).outcome());
    }

    @Test
    void perImageTransferOutcomesAreCountedUnderTheMask() {
        // Ten images, the target right on the first eight; the parent transfers on all eight counted ones, source B on
        // none, source C on the same as the parent. Images 8 and 9 would favour B but are not counted.
        boolean[] counted = {true, true, true, true, true, true, true, true, false, false};
        boolean[] parent = {true, true, true, true, true, true, true, true, false, false};
        boolean[] b = {false, false, false, false, false, false, false, false, true, true};
        Map<String, boolean[]> others = new LinkedHashMap<>();
        others.put("B", b);
        others.put("C", parent.clone());
        Verdict v = Verdict.of("A", parent, others, counted, Verdict.DEFAULT_ALPHA);
        assertEquals(new PairedCounts(0, 8, 0, 0), v.comparisons().get(0).counts());
        assertEquals(new PairedCounts(8, 0, 0, 0), v.comparisons().get(1).counts());
        // p = 2/2^8 for B, 1 for C; Holm: 2·2^-7 = 0.015625 < 0.05.
        assertEquals(0.015625, v.comparisons().get(0).adjustedP(), 1e-15);
        assertEquals(List.of(Outcome.PARENT_BETTER, Outcome.NO_DIFFERENCE), outcomes(v));
        assertEquals(Summary.BETTER_THAN_SOME, v.summary());
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.of("A", others(), 0));
    }
}
