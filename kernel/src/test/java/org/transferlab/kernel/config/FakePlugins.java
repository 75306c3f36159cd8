package org.transferlab.kernel.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.NoOptions;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric;
import org.transferlab.api.metric.MetricProvider;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.plugin.PluginCatalog;

/** Small stand-ins for real plugins: they describe themselves without data files or TensorFlow. */
public final class FakePlugins {

    private FakePlugins() {
    }

    /** The catalog every test uses, with no load failures. */
    public static PluginCatalog catalog() {
        return catalog(List.of());
    }

    static PluginCatalog catalog(List<String> loadFailures) {
        return new FakeCatalog(providers(), loadFailures);
    }

    /** The usual plugins and some more. */
    static PluginCatalog catalogWith(Provider<?>... extra) {
        List<Provider<?>> providers = new ArrayList<>(providers());
        providers.addAll(List.of(extra));
        return new FakeCatalog(providers, List.of());
    }

    private static List<Provider<?>> providers() {
        return List.of(
                new FakeDataset<>("mnist", NoOptions.class, options -> info(10, 1000, 200)),
                new FakeDataset<>("letters", LettersOptions.class, options -> info(27, 1200, 300)),
                new FakeDataset<>("clothes", NoOptions.class, options -> new DatasetInfo(List.of("top", "trouser",
                        "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"),
                        Map.of("train", 1000, "test", 200))),
                new FakeDataset<>("unlabelled", NoOptions.class,
                        options -> new DatasetInfo(List.of("only"), Map.of("train", 500, "extra", 100))),
                new FakeDataset<>("broken", NoOptions.class, options -> {
                    throw new IllegalStateException("index file is corrupt");
                }),
                new FakeModel<>("alexnet", NoOptions.class, options -> 16),
                new FakeModel<>("mixer", MixerOptions.class, options -> 18 + 12 * (options.depth() - 1)),
                new FakeModel<>("fragile", NoOptions.class, options -> {
                    throw new IllegalArgumentException("no weights for 27 classes");
                }),
                new FakeAttack<>("fgsm", FgsmOptions.class),
                new FakeAttack<>("pgd", PgdOptions.class),
                new FakeAttack<>("di-fgsm", DiFgsmOptions.class),
                new FakeAttack<>("odd", OddOptions.class),
                new FakeAttack<>("bim", BimOptions.class),
                new FakeMetric("accuracy", false),
                new FakeMetric("transfer-rate", false),
                new FakeMetric("fooling-rate", false),
                new FakeMetric("mcnemar", true));
    }

    public record LettersOptions(Boolean transpose) {
    }

    public record MixerOptions(@NotNull @Min(1) @Max(4) Integer depth) {
    }

    public record FgsmOptions(@DecimalMin("0") @DecimalMax("1") double eps) {
    }

    public record PgdOptions(
            @DecimalMin("0") double eps, @Positive Double stepSize, @Min(1) Integer steps, Boolean randomStart) {
    }

    /** {@code scales} is a list option: a YAML list is its value, never an expansion. */
    public record DiFgsmOptions(@DecimalMin("0") double eps, List<@Positive Double> scales, Probability diversity) {
    }

    public record Probability(@DecimalMin("0") @DecimalMax("1") Double p) {
    }

    /** Checks a rule across options in its constructor, as a plugin may. */
    public record BimOptions(Double eps, Double stepSize) {

        public BimOptions {
            if (eps != null && stepSize != null && stepSize > eps) {
                throw new IllegalArgumentException("step_size must not exceed eps");
            }
        }
    }

    /** Component types that an experiment file cannot express. */
    public record OddOptions(Set<String> tags, float strength, Double eps) {
    }

    static DatasetInfo info(int classes, int train, int test) {
        List<String> names = IntStream.range(0, classes).mapToObj(i -> "class" + i).toList();
        return new DatasetInfo(names, Map.of("train", train, "test", test));
    }

    private static final class FakeCatalog implements PluginCatalog {

        private final List<Provider<?>> providers;
        private final List<String> loadFailures;

        FakeCatalog(List<Provider<?>> providers, List<String> loadFailures) {
            this.providers = providers;
            this.loadFailures = loadFailures;
        }

        @Override
        public Optional<Provider<?>> find(PluginKind kind, String name) {
            return providers.stream()
                    .filter(provider -> kind.serviceType().isInstance(provider) && provider.name().equals(name))
                    .findFirst();
        }

        @Override
        public List<String> names(PluginKind kind) {
            List<String> names = new ArrayList<>();
            providers.stream().filter(kind.serviceType()::isInstance).forEach(provider -> names.add(provider.name()));
            Collections.sort(names);
            return names;
        }

        @Override
        public String version(PluginKind kind, String name) {
            return find(kind, name).map(provider -> "1.0-test").orElseThrow();
        }

        @Override
        public List<String> loadFailures() {
            return loadFailures;
        }
    }

    private record FakeDataset<O extends Record>(String name, Class<O> optionsType, Function<O, DatasetInfo> info)
            implements DatasetProvider<O> {

        @Override
        public DatasetInfo describe(O options) {
            return info.apply(options);
        }

        @Override
        public Dataset open(O options, DataContext context) {
            throw new UnsupportedOperationException("fake datasets hold no images");
        }
    }

    private record FakeModel<O extends Record>(String name, Class<O> optionsType, Function<O, Integer> parameterCount)
            implements ModelProvider<O> {

        @Override
        public Architecture create(O options, int numClasses) {
            List<ParameterSpec> parameters = IntStream.range(0, parameterCount.apply(options))
                    .mapToObj(i -> new ParameterSpec("p" + i, new long[] {1}, new Initializer.Constant(0)))
                    .toList();
            return new Architecture() {
                @Override
                public List<ParameterSpec> parameters() {
                    return parameters;
                }

                @Override
                public List<StateSpec> state() {
                    return List.of();
                }

                @Override
                public List<String> headParameters() {
                    return List.of(parameters.get(parameters.size() - 1).name());
                }

                @Override
                public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
                    throw new UnsupportedOperationException("fake models build no graph");
                }

                /** The fake alexnet, like the real one, can be cut after its first four layers' 8 tensors. */
                @Override
                public List<Cut> cuts() {
                    return name.equals("alexnet") ? List.of(new FakeCut(8, new long[] {10})) : List.of();
                }
            };
        }
    }

    private record FakeCut(int prefixParameters, long[] featureShape) implements Cut {

        @Override
        public Operand<TFloat32> prefix(ModelGraph graph, Operand<TFloat32> images) {
            throw new UnsupportedOperationException("fake models build no graph");
        }

        @Override
        public Operand<TFloat32> suffix(ModelGraph graph, Operand<TFloat32> features, boolean training) {
            throw new UnsupportedOperationException("fake models build no graph");
        }
    }

    record FakeAttack<O extends Record>(String name, Class<O> optionsType) implements AttackProvider<O> {

        @Override
        public Attack create(O options) {
            throw new UnsupportedOperationException("fake attacks perturb nothing");
        }
    }

    /** Planning asks a metric whether it is paired; fake metrics compute nothing. */
    private record FakeMetric(String name, boolean paired) implements MetricProvider<NoOptions> {

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public Metric create(NoOptions options) {
            if (!paired) {
                return evaluation -> List.of();
            }
            return new PairedMetric() {
                @Override
                public List<MetricValue> compute(Evaluation evaluation) {
                    return List.of();
                }

                @Override
                public PairedComparison compare(Evaluation parent, Evaluation other) {
                    throw new UnsupportedOperationException("fake metrics compare nothing");
                }
            };
        }
    }
}
