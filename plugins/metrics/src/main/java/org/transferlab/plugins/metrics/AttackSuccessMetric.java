package org.transferlab.plugins.metrics;

import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/**
 * Attack success over all samples, #{t(x′)≠y}/N, whether or not the target was right on the clean image. For a targeted
 * attack also the share of adversarial images that the source puts in the attack's target class, and, when the source's
 * classes are the attacked dataset's (by name and order), the share the target puts there: otherwise the target class
 * is a class of another dataset, and the target has no class of that meaning.
 */
final class AttackSuccessMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        long fooled = 0;
        for (int i = 0; i < e.size(); i++) {
            fooled += e.targetAdversarial()[i] != e.labels()[i] ? 1 : 0;
        }
        MetricValue untargeted = Rate.of("attack_success_rate", fooled, e.size());
        if (!e.targeted()) {
            return List.of(untargeted);
        }
        long targetHits = 0;
        long sourceHits = 0;
        for (int i = 0; i < e.size(); i++) {
            targetHits += e.targetAdversarial()[i] == e.attackTargets()[i] ? 1 : 0;
            sourceHits += e.sourceAdversarial()[i] == e.attackTargets()[i] ? 1 : 0;
        }
        MetricValue onSource = Rate.of("targeted_success_rate_source", sourceHits, e.size());
        if (!e.sourceSharesClasses()) {
            return List.of(untargeted, onSource);
        }
        return List.of(untargeted, Rate.of("targeted_success_rate", targetHits, e.size()), onSource);
    }
}
