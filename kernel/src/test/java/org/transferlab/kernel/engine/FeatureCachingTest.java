package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

/** Where fine-tuning trains on cached features, and what a network that does so refuses. */
class FeatureCachingTest {

    private static final RuntimeOptions CPU = RuntimeOptions.cpu(1);
    private static final long UNLIMITED = Long.MAX_VALUE;
    private static final OptimizerSettings ADAM = new OptimizerSettings(OptimizerKind.ADAM, 0, 0);

    /** Six parameters p0…p5 with cuts after p1 (features of 100 floats) and after p3 (features of 10 floats). */
    private static final Architecture SIX = new ParametersOnly(6, List.of(cut(2, 100), cut(4, 10)));

    @Test
    void theDeepestCutWhosePrefixIsEntirelyFrozenIsChosen() {
        assertEquals(4, choose(Set.of("p0", "p1", "p2", "p3"), 1000, UNLIMITED).prefixParameters());
        assertEquals(SIX.cuts().get(1), choose(Set.of("p0", "p1", "p2", "p3", "p4"), 1000, UNLIMITED));
        assertEquals(SIX.cuts().get(0), choose(Set.of("p0", "p1", "p2"), 1000, UNLIMITED));
    }

    @Test
    void nothingIsCachedWhenNothingIsFrozenOrTheFrozenParametersAreNotAPrefix() {
        assertEquals(Optional.empty(), FeatureCaching.choose(SIX, Set.of(), 1000, UNLIMITED));
        assertEquals(Optional.empty(), FeatureCaching.choose(SIX, Set.of("p0"), 1000, UNLIMITED));
        assertEquals(Optional.empty(), FeatureCaching.choose(SIX, Set.of("p1", "p2", "p3"), 1000, UNLIMITED));
        Architecture noCuts = new ParametersOnly(6, List.of());
        assertEquals(Optional.empty(), FeatureCaching.choose(noCuts, Set.of("p0", "p1", "p2"), 1000, UNLIMITED));
    }

    @Test
    void whenFrozenBatchNormsAdaptOnlyAPrefixWithoutNormalisationStateIsAFixedFunctionOfTheImage() {
        Set<String> frozen = Set.of("p0", "p1", "p2", "p3");
        Architecture normalisedAtP3 = new ParametersOnly(6, SIX.cuts()) {
            @Override
            public List<org.transferlab.api.model.StateSpec> state() {
                return List.of(new org.transferlab.api.model.StateSpec("p3.moving_mean", new long[] {1}, 0f, "p3"));
            }
        };
        assertEquals(SIX.cuts().get(1), FeatureCaching.choose(normalisedAtP3, frozen, false, 1000, UNLIMITED)
                .orElseThrow(), "in inference mode the frozen statistics are fixed");
        assertEquals(SIX.cuts().get(0), FeatureCaching.choose(normalisedAtP3, frozen, true, 1000, UNLIMITED)
                .orElseThrow(), "the shallower cut's prefix holds no normalisation layer");
        assertEquals(SIX.cuts().get(1), FeatureCaching.choose(SIX, frozen, true, 1000, UNLIMITED).orElseThrow(),
                "an architecture without state is unaffected");
    }

    @Test
    void aCutWhoseFeaturesDoNotFitTheMemoryBudgetGivesWayToAShallowerOneThatDoes() {
        Set<String> frozen = Set.of("p0", "p1", "p2", "p3");
        assertEquals(40_000L, FeatureCaching.bytes(SIX.cuts().get(1), 1000));
        assertEquals(400_000L, FeatureCaching.bytes(SIX.cuts().get(0), 1000));
        Architecture deepIsLarge = new ParametersOnly(6, List.of(cut(2, 10), cut(4, 100)));
        assertEquals(deepIsLarge.cuts().get(0), FeatureCaching.choose(deepIsLarge, frozen, 1000, 100_000).orElseThrow());
        assertEquals(Optional.empty(), FeatureCaching.choose(deepIsLarge, frozen, 1000, 39_999));
        assertEquals(deepIsLarge.cuts().get(1), FeatureCaching.choose(deepIsLarge, frozen, 1000, 400_000).orElseThrow());
    }

    @Test
    void theBudgetIsAQuarterOfTheMemoryOfTheSlurmJobOrMachineSharedAmongTheRunsWorkers() {
        long gib = 1L << 30;
        assertEquals(4 * gib, FeatureCaching.budgetBytes(16 * gib, Map.of()));
        assertEquals(gib, FeatureCaching.budgetBytes(16 * gib, Map.of("TRANSFERLAB_WORKERS", "4")));
        assertEquals(gib / 2, FeatureCaching.budgetBytes(16 * gib, Map.of("SLURM_MEM_PER_NODE", "2048")));
        assertEquals(4 * gib, FeatureCaching.budgetBytes(16 * gib, Map.of("SLURM_MEM_PER_NODE", "65536")));
        assertEquals(4 * gib, FeatureCaching.budgetBytes(16 * gib, Map.of("TRANSFERLAB_WORKERS", "zero")));
    }

    @Test
    void aNetworkRefusesToTrainAboveACutWhosePrefixIsNotFrozen() {
        Architecture perceptron = perceptronWithCut((graph, x) -> hidden(graph, x), 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.forTrainingAbove(perceptron.cuts().get(0), perceptron, Weights.initialize(perceptron, 1),
                        ADAM, Set.of("hidden.weight"), CPU));
        assertTrue(e.getMessage().contains("not entirely frozen"), e.getMessage());
    }

    @Test
    void aCutWhosePrefixReadsAParameterOfTheSuffixIsReportedAsAWrongCut() {
        Architecture leaky = perceptronWithCut((graph, x) -> {
            graph.parameter("out.bias");
            return hidden(graph, x);
        }, 16);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Network.forTrainingAbove(leaky.cuts().get(0), leaky, Weights.initialize(leaky, 1), ADAM,
                        Set.of("hidden.weight", "hidden.bias"), CPU).close());
        assertTrue(e.getMessage().contains("prefix reads out.bias"), e.getMessage());
    }

    @Test
    void aCutThatDeclaresTheWrongFeatureShapeIsReported() {
        Architecture wrong = perceptronWithCut((graph, x) -> hidden(graph, x), 15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.forTrainingAbove(wrong.cuts().get(0), wrong, Weights.initialize(wrong, 1), ADAM,
                        Set.of("hidden.weight", "hidden.bias"), CPU).close());
        assertTrue(e.getMessage().contains("declares features of shape [15]"), e.getMessage());
    }

    @Test
    void thePerceptronsOutputLayerTrainedOnHiddenFeaturesEndsWithTheSameWeightsAndAccuracy() {
        Architecture perceptron = perceptronWithCut((graph, x) -> hidden(graph, x), 16);
        ImageSet training = SyntheticImages.rowBands(64, 10, 3);
        ImageSet test = SyntheticImages.rowBands(30, 10, 4);
        Recipe recipe = new Recipe(3, 8, OptimizerKind.ADAM, 0.01, null, null);
        Set<String> frozen = Set.of("hidden.weight", "hidden.bias");
        Weights start = Weights.initialize(perceptron, 9);
        TrainingResult plain;
        try (Network network = Network.forTraining(perceptron, start, OptimizerSettings.from(recipe), frozen, CPU)) {
            plain = new Trainer(recipe, TrainingListener.NONE).train(network, training, test, 2);
        }
        try (Network network = Network.forTrainingAbove(perceptron.cuts().get(0), perceptron, start,
                OptimizerSettings.from(recipe), frozen, CPU)) {
            TrainingResult cached = new Trainer(recipe, TrainingListener.NONE).train(network, training, test, 2);
            for (String name : plain.weights().names()) {
                assertArrayEquals(plain.weights().get(name).values(), cached.weights().get(name).values(), 1e-6f,
                        name);
            }
            for (int epoch = 0; epoch < 3; epoch++) {
                assertEquals(plain.history().get(epoch).testAccuracy(), cached.history().get(epoch).testAccuracy());
            }
        }
    }

    private static Cut choose(Set<String> frozen, long images, long budget) {
        return FeatureCaching.choose(SIX, frozen, images, budget).orElseThrow();
    }

    private static Operand<TFloat32> hidden(ModelGraph graph, Operand<TFloat32> images) {
        Ops tf = graph.tf();
        Operand<TFloat32> flat = tf.reshape(images, tf.constant(new int[] {-1, ImageSet.PIXELS}));
        return tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(flat, graph.parameter("hidden.weight")),
                graph.parameter("hidden.bias")));
    }

    /** The 784 → 16 → 10 perceptron with one cut after its hidden layer, whose prefix is {@code prefix}. */
    private static Architecture perceptronWithCut(BiFunction<ModelGraph, Operand<TFloat32>, Operand<TFloat32>> prefix,
                                                  long declaredWidth) {
        TwoLayerPerceptron whole = new TwoLayerPerceptron(16, 10);
        Cut cut = new Cut() {
            @Override
            public int prefixParameters() {
                return 2;
            }

            @Override
            public long[] featureShape() {
                return new long[] {declaredWidth};
            }

            @Override
            public Operand<TFloat32> prefix(ModelGraph graph, Operand<TFloat32> images) {
                return prefix.apply(graph, images);
            }

            @Override
            public Operand<TFloat32> suffix(ModelGraph graph, Operand<TFloat32> features, boolean training) {
                Ops tf = graph.tf();
                return tf.nn.biasAdd(tf.linalg.matMul(features, graph.parameter("out.weight")),
                        graph.parameter("out.bias"));
            }
        };
        return new Architecture() {
            @Override
            public List<ParameterSpec> parameters() {
                return whole.parameters();
            }

            @Override
            public List<String> headParameters() {
                return whole.headParameters();
            }

            @Override
            public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
                return whole.logits(graph, images, training);
            }

            @Override
            public List<Cut> cuts() {
                return List.of(cut);
            }
        };
    }

    private static Cut cut(int prefixParameters, long features) {
        return new Cut() {
            @Override
            public int prefixParameters() {
                return prefixParameters;
            }

            @Override
            public long[] featureShape() {
                return new long[] {features};
            }

            @Override
            public Operand<TFloat32> prefix(ModelGraph graph, Operand<TFloat32> images) {
                throw new UnsupportedOperationException("choosing a cut builds no graph");
            }

            @Override
            public Operand<TFloat32> suffix(ModelGraph graph, Operand<TFloat32> features, boolean training) {
                throw new UnsupportedOperationException("choosing a cut builds no graph");
            }
        };
    }

    /** An architecture with {@code count} parameters p0, p1, … and the given cuts; choosing a cut reads no more. */
    private static class ParametersOnly implements Architecture {
        private final int count;
        private final List<Cut> cuts;

        ParametersOnly(int count, List<Cut> cuts) {
            this.count = count;
            this.cuts = cuts;
        }

        @Override
        public List<Cut> cuts() {
            return cuts;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> new ParameterSpec("p" + i, new long[] {1}, new Initializer.Constant(0)))
                    .toList();
        }

        @Override
        public List<String> headParameters() {
            return List.of("p" + (count - 1));
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
            throw new UnsupportedOperationException("choosing a cut builds no graph");
        }
    }
}
