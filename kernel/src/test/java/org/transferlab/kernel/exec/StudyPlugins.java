package org.transferlab.kernel.exec;

import java.util.List;
import java.util.Map;
import org.transferlab.api.NoOptions;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricProvider;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.kernel.engine.LinearSoftmax;
import org.transferlab.kernel.engine.SyntheticImages;

/**
 * Plugins small enough to train in a unit test, registered on the kernel's test class path: a dataset of row bands, a
 * linear softmax model, and an attack and a metric that only the plan needs.
 */
public final class StudyPlugins {

    /** Two pre-training tasks, {@code pretrain/linear@a} and {@code pretrain/linear@b}, and attacks on both. */
    public static final String STUDY = """
            experiment: study
            seed: 5
            runtime: { device: cpu, threads: 1 }
            datasets:
              a: { plugin: study-bands }
              b: { plugin: study-bands }
            models:
              linear: { plugin: study-linear }
            recipes:
              quick: { epochs: 1, batch_size: 8, optimizer: sgd, learning_rate: 0.1 }
            pretrain:
              - { models: [linear], datasets: [a, b], recipe: quick }
            attack:
              data: { dataset: a, samples: 8 }
              methods: [{ plugin: study-attack }]
            metrics: [study-metric]
            """;

    private static final int CLASSES = 4;

    private StudyPlugins() {
    }

    /** {@link #STUDY}, bound against {@code plugins}. */
    public static org.transferlab.kernel.config.ExperimentConfig config(org.transferlab.kernel.plugin.PluginCatalog plugins) {
        try {
            return org.transferlab.kernel.config.ConfigLoader.load(STUDY, "study.yaml", plugins).config();
        } catch (org.transferlab.kernel.config.ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static final class Bands implements DatasetProvider<NoOptions> {

        @Override
        public String name() {
            return "study-bands";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public DatasetInfo describe(NoOptions options) {
            return new DatasetInfo(List.of("0", "1", "2", "3"), Map.of("train", 32, "test", 16));
        }

        @Override
        public Dataset open(NoOptions options, DataContext context) {
            return new Dataset() {
                @Override
                public DatasetInfo info() {
                    return describe(options);
                }

                @Override
                public ImageSet split(String name) {
                    return SyntheticImages.rowBands(info().splitSizes().get(name), CLASSES, name.length());
                }
            };
        }
    }

    public static final class Linear implements ModelProvider<NoOptions> {

        @Override
        public String name() {
            return "study-linear";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public Architecture create(NoOptions options, int numClasses) {
            return new LinearSoftmax(numClasses);
        }
    }

    public static final class PlannedAttack implements AttackProvider<NoOptions> {

        @Override
        public String name() {
            return "study-attack";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public Attack create(NoOptions options) {
            throw new UnsupportedOperationException("the study's attack is only planned");
        }
    }

    public static final class PlannedMetric implements MetricProvider<NoOptions> {

        @Override
        public String name() {
            return "study-metric";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public Metric create(NoOptions options) {
            return evaluation -> List.of();
        }
    }
}
