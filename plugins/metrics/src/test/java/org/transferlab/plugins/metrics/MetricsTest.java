package org.transferlab.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.MetricValue;

class MetricsTest {

    /*
     * Eight images, label y; the attack used the source's clean prediction.
     *   i:        0  1  2  3  4  5  6  7
     *   y:        0  1  2  3  4  5  6  7
     *   t(x):     0  1  2  3  4  5  9  9     -> 6 correct
     *   t(x'):    0  8  8  3  8  5  9  7     -> flips among correct: 1, 2, 4 (3 of 6); adversarial correct: 0, 3, 5, 7
     *   s(x):     0  1  2  3  4  5  6  1     (attack labels)
     *   s(x'):    9  9  2  9  9  5  9  1     -> source fooled on 0, 1, 3, 4, 6
     */
    private static final Evaluation EVALUATION = new Evaluation(
            new int[] {0, 1, 2, 3, 4, 5, 6, 7},
            new int[] {0, 1, 2, 3, 4, 5, 6, 1},
            new int[] {0, 1, 2, 3, 4, 5, 9, 9},
            new int[] {0, 8, 8, 3, 8, 5, 9, 7},
            new int[] {0, 1, 2, 3, 4, 5, 6, 1},
            new int[] {9, 9, 2, 9, 9, 5, 9, 1},
            new float[] {0.1f, 0.2f, 0.3f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f},
            new float[] {1f, 2f, 3f, 1f, 1f, 1f, 1f, 2f},
            new int[] {10, 20, 30, 10, 10, 10, 10, 60});

    private static Map<String, MetricValue> values(BuiltinMetrics provider) {
        return provider.create(null).compute(EVALUATION).stream()
                .collect(Collectors.toMap(MetricValue::name, Function.identity()));
    }

    @Test
    void accuracyCountsAgreementWithTheTrueLabel() {
        Map<String, MetricValue> v = values(new BuiltinMetrics.Accuracy());
        assertEquals(6.0 / 8, v.get("clean_accuracy").value());
        assertEquals(4.0 / 8, v.get("adversarial_accuracy").value());
        assertEquals(8, v.get("adversarial_accuracy").trials());
    }

    @Test
    void theSourcesAccuracyIsReportedOnlyWhenItKnowsTheAttackedClasses() {
        assertFalse(values(new BuiltinMetrics.Accuracy()).containsKey("source_clean_accuracy"));
        Evaluation shared = new Evaluation(EVALUATION.labels(), EVALUATION.attackLabels(), EVALUATION.targetClean(),
                EVALUATION.targetAdversarial(), EVALUATION.sourceClean(), EVALUATION.sourceAdversarial(),
                EVALUATION.linf(), EVALUATION.l2(), EVALUATION.l0(), null, true);
        Map<String, MetricValue> v = new BuiltinMetrics.Accuracy().create(null).compute(shared).stream()
                .collect(Collectors.toMap(MetricValue::name, Function.identity()));
        assertEquals(7, v.get("source_clean_accuracy").successes()); // s(x) = y except at 7
        assertEquals(2, v.get("source_adversarial_accuracy").successes()); // s(x') = y at 2 and 5
    }

    @Test
    void transferRateCountsOnlyImagesTheTargetGotRight() {
        Map<String, MetricValue> v = values(new BuiltinMetrics.TransferRate());
        assertEquals(3, v.get("transfer_rate").successes());
        assertEquals(6, v.get("transfer_rate").trials());
        // target-correct and source fooled: 0, 1, 3, 4; of those the target flipped on 1 and 4.
        assertEquals(2, v.get("transfer_given_source_success").successes());
        assertEquals(4, v.get("transfer_given_source_success").trials());
    }

    @Test
    void attackSuccessCountsEveryWrongAdversarialPrediction() {
        assertEquals(4.0 / 8, values(new BuiltinMetrics.AttackSuccessRate()).get("attack_success_rate").value());
    }

    private static Map<String, MetricValue> targeted(boolean sourceSharesClasses) {
        Evaluation targeted = new Evaluation(EVALUATION.labels(), EVALUATION.attackLabels(), EVALUATION.targetClean(),
                EVALUATION.targetAdversarial(), EVALUATION.sourceClean(), EVALUATION.sourceAdversarial(),
                EVALUATION.linf(), EVALUATION.l2(), EVALUATION.l0(), new int[] {9, 8, 8, 9, 9, 9, 9, 9},
                sourceSharesClasses);
        return new BuiltinMetrics.AttackSuccessRate().create(null).compute(targeted).stream()
                .collect(Collectors.toMap(MetricValue::name, Function.identity()));
    }

    @Test
    void aTargetedAttackAlsoCountsHitsOfItsTargetClassOnTargetAndSourceWhenTheyShareClasses() {
        Map<String, MetricValue> v = targeted(true);
        assertEquals(4.0 / 8, v.get("attack_success_rate").value());
        assertEquals(3, v.get("targeted_success_rate").successes()); // t(x') hits 8 at 1 and 2, and 9 at 6
        assertEquals(8, v.get("targeted_success_rate").trials());
        assertEquals(4, v.get("targeted_success_rate_source").successes()); // s(x') hits 9 at 0, 3, 4, 6
        assertFalse(values(new BuiltinMetrics.AttackSuccessRate()).containsKey("targeted_success_rate"),
                "an untargeted attack has no targeted rate");
    }

    @Test
    void theTargetedRateOnTheTargetIsLeftOutWhenTheTargetClassIsAClassOfAnotherDataset() {
        Map<String, MetricValue> v = targeted(false);
        assertFalse(v.containsKey("targeted_success_rate"), v.keySet().toString());
        assertEquals(4, v.get("targeted_success_rate_source").successes());
    }

    @Test
    void foolingRatesIgnoreTheLabels() {
        Map<String, MetricValue> v = values(new BuiltinMetrics.FoolingRate());
        assertEquals(4, v.get("fooling_rate_target").successes()); // 1, 2, 4, 7
        assertEquals(5, v.get("fooling_rate_source").successes()); // 0, 1, 3, 4, 6
    }

    @Test
    void perturbationReportsMeanAndMaximum() {
        Map<String, MetricValue> v = values(new BuiltinMetrics.Perturbation());
        assertEquals(1.1f / 8, v.get("linf_mean").value(), 1e-7);
        assertEquals(0.3f, v.get("linf_max").value(), 1e-7);
        assertEquals(12.0 / 8, v.get("l2_mean").value(), 1e-12);
        assertEquals(60, v.get("l0_max").value());
    }

    @Test
    void wilsonIntervalMatchesThePublishedValues() {
        // 8 of 10: Wilson 95% interval [0.4902, 0.9433].
        MetricValue rate = Rate.of("r", 8, 10);
        assertEquals(0.8, rate.value());
        assertEquals(0.4902, rate.lower(), 5e-5);
        assertEquals(0.9433, rate.upper(), 5e-5);
    }

    @Test
    void wilsonIntervalStaysInsideTheUnitInterval() {
        MetricValue none = Rate.of("r", 0, 20);
        MetricValue all = Rate.of("r", 20, 20);
        assertEquals(0.0, none.lower());
        assertTrue(none.upper() > 0.1 && none.upper() < 0.2);
        assertEquals(1.0, all.upper());
        assertTrue(all.lower() > 0.8);
    }

    @Test
    void aRateOverNoTrialsIsUndefined() {
        MetricValue rate = Rate.of("r", 0, 0);
        assertTrue(Double.isNaN(rate.value()));
        assertEquals(0, rate.trials());
    }
}
