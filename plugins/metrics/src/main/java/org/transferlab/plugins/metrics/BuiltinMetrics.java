package org.transferlab.plugins.metrics;

import java.util.function.Supplier;
import org.transferlab.api.NoOptions;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricProvider;

/** The built-in metrics take no options; each provider differs only in its name, description and metric. */
abstract class BuiltinMetrics implements MetricProvider<NoOptions> {

    private final String name;
    private final String description;
    private final Supplier<Metric> metric;

    BuiltinMetrics(String name, String description, Supplier<Metric> metric) {
        this.name = name;
        this.description = description;
        this.metric = metric;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Metric create(NoOptions options) {
        return metric.get();
    }

    public static final class Accuracy extends BuiltinMetrics {
        public Accuracy() {
            super("accuracy", "clean and adversarial accuracy of the target", AccuracyMetric::new);
        }
    }

    public static final class AttackSuccessRate extends BuiltinMetrics {
        public AttackSuccessRate() {
            super("attack-success-rate", "share of all adversarial images the target gets wrong", AttackSuccessMetric::new);
        }
    }

    public static final class TransferRate extends BuiltinMetrics {
        public TransferRate() {
            super("transfer-rate", "share of target-correct images that the attack flips", TransferRateMetric::new);
        }
    }

    public static final class FoolingRate extends BuiltinMetrics {
        public FoolingRate() {
            super("fooling-rate", "share of predictions changed, for target and source", FoolingRateMetric::new);
        }
    }

    public static final class Perturbation extends BuiltinMetrics {
        public Perturbation() {
            super("perturbation", "L-inf, L2 and L0 size of the perturbations", PerturbationMetric::new);
        }
    }

    public static final class McNemarTest extends BuiltinMetrics {
        public McNemarTest() {
            super("mcnemar", "paired exact McNemar test of the parent's transfer against each other source's, "
                    + "with the difference and its interval", McNemarMetric::new);
        }
    }
}
