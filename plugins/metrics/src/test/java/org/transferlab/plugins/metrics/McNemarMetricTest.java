package org.transferlab.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric;
import org.transferlab.api.metric.PairedMetric.PairedComparison;

class McNemarMetricTest {

    private static final PairedMetric METRIC = (PairedMetric) new BuiltinMetrics.McNemarTest().create(null);

    /** The target on 16 images, right on the first 14; labels are all 0, a wrong prediction is 1. */
    private static Evaluation target(int... adversarial) {
        int n = adversarial.length;
        int[] labels = new int[n];
        int[] clean = new int[n];
        clean[n - 2] = 1;
        clean[n - 1] = 1;
        return new Evaluation(labels, labels, clean, adversarial, labels, labels, new float[n], new float[n], new int[n]);
    }

    @Test
    void tenAgainstTwoDiscordantPairsGiveTheExactTwoSidedP() {
        // Counted images 0–13: the parent's examples transfer on 0–11, the other's on 10–13. b = 10 (0–9), c = 2 (12, 13),
        // both on 10, 11. Images 14 and 15, which the target gets wrong anyway, would favour the other but do not count.
        Evaluation parent = target(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        Evaluation other = target(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        PairedComparison comparison = METRIC.compare(parent, other);
        Map<String, MetricValue> v = comparison.values().stream()
                .collect(Collectors.toMap(MetricValue::name, Function.identity()));
        assertEquals(10, v.get("mcnemar_parent_only").value());
        assertEquals(2, v.get("mcnemar_other_only").value());
        // 2·Σ_{k≤2} C(12,k)/2^12 = 2·79/4096
        assertEquals(0.03857421875, comparison.pValue(), 1e-15);
        assertEquals(comparison.pValue(), v.get("mcnemar_p").value());
        assertEquals(8.0 / 14, comparison.difference().value(), 1e-15);
        assertEquals(14, comparison.difference().trials());
        assertTrue(comparison.difference().lower() > 0 && comparison.difference().upper() < 1, comparison.toString());
        assertTrue(METRIC.compute(parent).isEmpty(), "a paired metric reports nothing per source");
    }

    @Test
    void swappingTheSourcesMirrorsTheDifferenceAndKeepsP() {
        Evaluation parent = target(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
        Evaluation other = target(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        PairedComparison forward = METRIC.compare(parent, other);
        PairedComparison backward = METRIC.compare(other, parent);
        assertEquals(forward.pValue(), backward.pValue());
        assertEquals(-forward.difference().value(), backward.difference().value(), 1e-15);
        assertEquals(-forward.difference().lower(), backward.difference().upper(), 1e-12);
    }

    @Test
    void evaluationsOfDifferentImagesCannotBePaired() {
        Evaluation parent = target(1, 0, 0, 0);
        int[] otherLabels = {0, 0, 0, 2};
        Evaluation other = new Evaluation(otherLabels, otherLabels, new int[] {0, 0, 1, 1}, new int[4], otherLabels,
                otherLabels, new float[4], new float[4], new int[4]);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> METRIC.compare(parent, other));
        assertTrue(error.getMessage().startsWith("a paired comparison needs the same target on the same images"));
    }
}
