package org.transferlab.api.metric;

import java.util.List;

/**
 * A metric that compares two sources on one target, image by image: the target's parent (the model it was fine-tuned
 * from) and another source, attacked with the same setting on the same images. The kernel calls {@link #compare} once
 * per other source, corrects the p-values of one target and attack setting for their number, and states the verdict
 * from them; {@link Metric#compute} may return nothing for such a metric.
 *
 * @since 1.3
 */
public interface PairedMetric extends Metric {

    /**
     * @param parent  the target evaluated on the parent's adversarial examples
     * @param other   the same target on another source's adversarial examples of the same images, in the same order
     */
    PairedComparison compare(Evaluation parent, Evaluation other);

    /**
     * One comparison.
     *
     * @param pValue      two-sided p-value of the hypothesis that parent and other do equally well
     * @param difference  parent minus other of the compared rate, with its interval
     * @param values      every figure to report, the p-value and the difference included
     */
    record PairedComparison(double pValue, MetricValue difference, List<MetricValue> values) {

        public PairedComparison {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value must lie in [0, 1], got " + pValue);
            }
            java.util.Objects.requireNonNull(difference, "difference is null");
            values = List.copyOf(values);
        }
    }
}
