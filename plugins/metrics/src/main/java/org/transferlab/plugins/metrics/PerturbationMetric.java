package org.transferlab.plugins.metrics;

import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/** Mean and largest L∞, L2 and L0 size of x′ − x over the attacked images. */
final class PerturbationMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        double linfSum = 0;
        double l2Sum = 0;
        double l0Sum = 0;
        double linfMax = 0;
        double l2Max = 0;
        double l0Max = 0;
        for (int i = 0; i < e.size(); i++) {
            linfSum += e.linf()[i];
            l2Sum += e.l2()[i];
            l0Sum += e.l0()[i];
            linfMax = Math.max(linfMax, e.linf()[i]);
            l2Max = Math.max(l2Max, e.l2()[i]);
            l0Max = Math.max(l0Max, e.l0()[i]);
        }
        int n = Math.max(1, e.size());
        return List.of(
                MetricValue.plain("linf_mean", linfSum / n), MetricValue.plain("linf_max", linfMax),
                MetricValue.plain("l2_mean", l2Sum / n), MetricValue.plain("l2_max", l2Max),
                MetricValue.plain("l0_mean", l0Sum / n), MetricValue.plain("l0_max", l0Max));
    }
}
