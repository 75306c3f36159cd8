package org.transferlab.plugins.metrics;

import java.util.Arrays;
import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.McNemar;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric;

/**
 * The hypothesis test of SPEC §6: on the images the target classifies correctly, does the parent's attack transfer more
 * often than another source's? Exact McNemar test on the discordant pairs (b: only the parent's example fools the
 * target, c: only the other's), and the paired difference (b − c)/n of transfer success with its Newcombe interval.
 */
final class McNemarMetric implements PairedMetric {

    @Override
    public List<MetricValue> compute(Evaluation evaluation) {
        return List.of();
    }

    @Override
    public PairedComparison compare(Evaluation parent, Evaluation other) {
        if (!Arrays.equals(parent.labels(), other.labels()) || !Arrays.equals(parent.targetClean(), other.targetClean())) {
            throw new IllegalArgumentException("a paired comparison needs the same target on the same images, in the "
                    + "same order: the labels or the target's clean predictions differ");
        }
        PairedCounts counts = PairedCounts.ofTransfer(parent.labels(), parent.targetClean(), parent.targetAdversarial(),
                other.targetAdversarial());
        double p = McNemar.exactP(counts.onlyA(), counts.onlyB());
        PairedDifference difference = PairedDifference.of(counts);
        MetricValue differenceValue = new MetricValue("transfer_difference", difference.estimate(), difference.lower(),
                difference.upper(), 0, counts.n());
        return new PairedComparison(p, differenceValue, List.of(
                MetricValue.plain("mcnemar_parent_only", counts.onlyA()),
                MetricValue.plain("mcnemar_other_only", counts.onlyB()),
                MetricValue.plain("mcnemar_p", p),
                differenceValue));
    }
}
