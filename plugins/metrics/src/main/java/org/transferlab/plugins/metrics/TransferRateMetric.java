package org.transferlab.plugins.metrics;

import java.util.List;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;

/**
 * The main figure. Transfer success #{t(x)=y ∧ t(x′)≠y}/#{t(x)=y} counts only images the target classified correctly;
 * transfer given source success restricts that further to images whose attack fooled the source (s(x′) differs from the
 * label the attack used).
 */
final class TransferRateMetric implements Metric {

    @Override
    public List<MetricValue> compute(Evaluation e) {
        long correct = 0;
        long transferred = 0;
        long correctAndSourceFooled = 0;
        long transferredAndSourceFooled = 0;
        for (int i = 0; i < e.size(); i++) {
            boolean targetCorrect = e.targetClean()[i] == e.labels()[i];
            boolean targetFooled = e.targetAdversarial()[i] != e.labels()[i];
            boolean sourceFooled = e.sourceAdversarial()[i] != e.attackLabels()[i];
            if (targetCorrect) {
                correct++;
                transferred += targetFooled ? 1 : 0;
                if (sourceFooled) {
                    correctAndSourceFooled++;
                    transferredAndSourceFooled += targetFooled ? 1 : 0;
                }
            }
        }
        return List.of(
                Rate.of("transfer_rate", transferred, correct),
                Rate.of("transfer_given_source_success", transferredAndSourceFooled, correctAndSourceFooled));
    }
}
