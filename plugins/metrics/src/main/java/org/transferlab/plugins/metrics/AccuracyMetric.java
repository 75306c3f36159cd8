package org.transferlab.plugins.metrics;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/**
 * Clean accuracy #{t(x)=y}/N and adversarial (robust) accuracy #{t(x′)=y}/N of the target; the same for the source when
 * it was trained on the attacked images' classes.
 */
final class AccuracyMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        long clean = 0;
        long adversarial = 0;
        for (int i = 0; i < e.size(); i++) {
            clean += e.targetClean()[i] == e.labels()[i] ? 1 : 0;
            adversarial += e.targetAdversarial()[i] == e.labels()[i] ? 1 : 0;
        }
        List<MetricValue> values = new ArrayList<>(List.of(Rate.of("clean_accuracy", clean, e.size()),
                Rate.of("adversarial_accuracy", adversarial, e.size())));
        if (e.sourceSharesClasses()) {
            long sourceClean = 0;
            long sourceAdversarial = 0;
            for (int i = 0; i < e.size(); i++) {
                sourceClean += e.sourceClean()[i] == e.labels()[i] ? 1 : 0;
                sourceAdversarial += e.sourceAdversarial()[i] == e.labels()[i] ? 1 : 0;
            }
            values.add(Rate.of("source_clean_accuracy", sourceClean, e.size()));
            values.add(Rate.of("source_adversarial_accuracy", sourceAdversarial, e.size()));
        }
        return values;
    }
}
