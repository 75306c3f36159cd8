package org.transferlab.kernel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric.PairedComparison;

/**
 * A hand-built table: an alexnet parent against two alexnets pre-trained on other data and three resnets.
 *
 * <pre>
 * source          family  p      Holm within family          Holm over all five (what families avoid)
 * alexnet@kmnist  same    0.010  0.010·2 = 0.020  better     0.010·4 = 0.040
 * alexnet@usps    same    0.040  0.040·1 = 0.040  better     max(0.040·2, 0.090) = 0.090  no difference
 * resnet@kmnist   cross   0.001  0.001·3 = 0.003  better     0.001·5 = 0.005
 * resnet@fmnist   cross   0.030  0.030·2 = 0.060  no diff.   0.030·3 = 0.090
 * resnet@svhn     cross   0.200  0.200·1 = 0.200  no diff.   0.200
 * </pre>
 */
class FamilyVerdictsTest {

    private static PairedComparison ahead(double p) {
        MetricValue difference = new MetricValue("transfer_difference", 0.1, 0.02, 0.18, 0, 500);
        return new PairedComparison(p, difference, List.of(difference));
    }

    private static final Map<String, PairedComparison> OTHERS = new LinkedHashMap<>();

    static {
        OTHERS.put("pretrain/alexnet@kmnist", ahead(0.010));
        OTHERS.put("pretrain/resnet@kmnist", ahead(0.001));
        OTHERS.put("pretrain/alexnet@usps", ahead(0.040));
        OTHERS.put("pretrain/resnet@fmnist", ahead(0.030));
        OTHERS.put("pretrain/resnet@svhn", ahead(0.200));
    }

    private final FamilyVerdicts verdicts = FamilyVerdicts.of("pretrain/alexnet@fmnist", OTHERS,
            source -> ComparisonFamily.of("alexnet", source.substring("pretrain/".length(), source.indexOf('@'))));

    @Test
    void eachFamilyIsHolmAdjustedWithinItselfAndTheSameArchitectureOneIsTheHeadline() {
        Verdict same = verdicts.headline();
        assertEquals(List.of("pretrain/alexnet@kmnist", "pretrain/alexnet@usps"),
                same.comparisons().stream().map(Verdict.Comparison::source).toList());
        assertEquals(0.020, same.comparisons().get(0).adjustedP(), 1e-12);
        assertEquals(0.040, same.comparisons().get(1).adjustedP(), 1e-12);
        assertEquals(Verdict.Summary.BETTER_THAN_ALL, same.summary());

        Verdict cross = verdicts.get(ComparisonFamily.CROSS_ARCHITECTURE);
        assertEquals(List.of(0.003, 0.060, 0.200),
                cross.comparisons().stream().map(c -> Math.round(c.adjustedP() * 1000) / 1000.0).toList());
        assertEquals(Verdict.Summary.BETTER_THAN_SOME, cross.summary());
    }

    @Test
    void oneHolmOverAllFiveWouldHaveLostTheSecondSameArchitectureComparison() {
        Verdict pooled = Verdict.of("pretrain/alexnet@fmnist", OTHERS);
        assertEquals(0.090, pooled.comparisons().get(2).adjustedP(), 1e-12);
        assertEquals(Verdict.Outcome.NO_DIFFERENCE, pooled.comparisons().get(2).outcome());
    }

    @Test
    void aParentWithoutAnotherSourceOfItsArchitectureHasNoHeadlineComparisons() {
        FamilyVerdicts onlyCross = FamilyVerdicts.of("pretrain/alexnet@fmnist",
                Map.of("pretrain/resnet@kmnist", ahead(0.001)), source -> ComparisonFamily.CROSS_ARCHITECTURE);
        assertEquals(Verdict.Summary.NO_COMPARISONS, onlyCross.headline().summary());
        assertEquals(Verdict.Summary.BETTER_THAN_ALL, onlyCross.get(ComparisonFamily.CROSS_ARCHITECTURE).summary());
    }
}
