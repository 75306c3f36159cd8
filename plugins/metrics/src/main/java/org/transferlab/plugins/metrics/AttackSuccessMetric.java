package org.transferlab.plugins.metrics;

import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/** Attack success over all samples, #{t(x′)≠y}/N, whether or not the target was right on the clean image. */
final class AttackSuccessMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        long fooled = 0;
        for (int i = 0; i < e.size(); i++) {
            fooled += e.targetAdversarial()[i] != e.labels()[i] ? 1 : 0;
        }
        return List.of(Rate.of("attack_success_rate", fooled, e.size()));
    }
}
