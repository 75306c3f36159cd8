package org.transferlab.plugins.metrics;

import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/** Label-free fooling rates: how often the adversarial image changes the prediction, #{m(x′)≠m(x)}/N, for target and source. */
final class FoolingRateMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        long target = 0;
        long source = 0;
        for (int i = 0; i < e.size(); i++) {
            target += e.targetAdversarial()[i] != e.targetClean()[i] ? 1 : 0;
            source += e.sourceAdversarial()[i] != e.sourceClean()[i] ? 1 : 0;
        }
        return List.of(Rate.of("fooling_rate_target", target, e.size()), Rate.of("fooling_rate_source", source, e.size()));
    }
}
