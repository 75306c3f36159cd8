package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

/** {@link Layers#batchNorm} on a hand-made [2, 2, 3, 3] tensor: n = 2·2·3 = 12 values per channel. */
class BatchNormTest {

    private static final long[] SHAPE = {2, 2, 3, 3};
    private static final int CHANNELS = 3;
    private static final int PER_CHANNEL = 12;
    private static final float[] X = input();
    private static final float[] GAMMA = {1.5f, 0.5f, -2f};
    private static final float[] BETA = {0.1f, -0.2f, 3f};
    private static final float[] MOVING_MEAN = {0.5f, 2f, -4f};
    private static final float[] MOVING_VARIANCE = {2f, 0.25f, 9f};

    @Test
    void declaresGammaOneBetaZeroAndMovingStatisticsOwnedByGamma() {
        assertEquals(List.of(
                new ParameterSpec("bn.gamma", new long[] {3}, new Initializer.Constant(1)),
                new ParameterSpec("bn.beta", new long[] {3}, new Initializer.Constant(0))),
                Layers.batchNormParameters("bn", 3));
        assertEquals(List.of(
                new StateSpec("bn.moving_mean", new long[] {3}, 0f, "bn.gamma"),
                new StateSpec("bn.moving_variance", new long[] {3}, 1f, "bn.gamma")),
                Layers.batchNormState("bn", 3));
    }

    @Test
    void trainingModeNormalisesWithTheBatchMeanAndBiasedVariance() {
        double[] mean = batchMean();
        double[] variance = batchVariance(mean, PER_CHANNEL);
        float[] expected = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            int c = i % CHANNELS;
            expected[i] = (float) ((X[i] - mean[c]) / Math.sqrt(variance[c] + 1e-5) * GAMMA[c] + BETA[c]);
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = layer(graph, true);
            assertArrayEquals(expected, model.run(Layers.batchNorm(model, input(model), "bn", true)), 1e-5f);
        }
    }

    @Test
    void trainingModeMovesTheStatisticsByATenthTowardsTheBatchMeanAndUnbiasedVariance() {
        double[] mean = batchMean();
        double[] unbiased = batchVariance(mean, PER_CHANNEL - 1);
        float[] expectedMean = new float[CHANNELS];
        float[] expectedVariance = new float[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            expectedMean[c] = (float) (0.9 * MOVING_MEAN[c] + 0.1 * mean[c]);
            expectedVariance[c] = (float) (0.9 * MOVING_VARIANCE[c] + 0.1 * unbiased[c]);
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = layer(graph, true);
            Layers.batchNorm(model, input(model), "bn", true);
            assertEquals(List.of("bn.moving_mean", "bn.moving_variance"), List.copyOf(model.updates().keySet()));
            List<float[]> updated = model.run(List.copyOf(model.updates().values()));
            assertArrayEquals(expectedMean, updated.get(0), 1e-5f);
            assertArrayEquals(expectedVariance, updated.get(1), 1e-5f);
        }
    }

    @Test
    void inferenceModeNormalisesWithTheMovingStatisticsAndUpdatesNothing() {
        float[] expected = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            int c = i % CHANNELS;
            expected[i] = (float) ((X[i] - MOVING_MEAN[c]) / Math.sqrt(MOVING_VARIANCE[c] + 1e-5) * GAMMA[c]
                    + BETA[c]);
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = layer(graph, true);
            assertArrayEquals(expected, model.run(Layers.batchNorm(model, input(model), "bn", false)), 1e-5f);
            assertTrue(model.updates().isEmpty());
        }
    }

    @Test
    void aFrozenLayerComputesInTrainingModeExactlyWhatItComputesInInference() {
        try (Graph graph = new Graph()) {
            ConstantGraph model = layer(graph, false);
            Operand<TFloat32> training = Layers.batchNorm(model, input(model), "bn", true);
            Operand<TFloat32> inference = Layers.batchNorm(model, input(model), "bn", false);
            List<float[]> outputs = model.run(List.of(training, inference));
            assertArrayEquals(outputs.get(1), outputs.get(0));
            assertTrue(model.updates().isEmpty(), model.updates().keySet().toString());
        }
    }

    private static ConstantGraph layer(Graph graph, boolean trainable) {
        return new ConstantGraph(graph, trainable)
                .withParameter("bn.gamma", new long[] {CHANNELS}, GAMMA)
                .withParameter("bn.beta", new long[] {CHANNELS}, BETA)
                .withState("bn.moving_mean", new long[] {CHANNELS}, MOVING_MEAN)
                .withState("bn.moving_variance", new long[] {CHANNELS}, MOVING_VARIANCE);
    }

    private static Operand<TFloat32> input(ConstantGraph model) {
        return model.constant(SHAPE, X);
    }

    /** Each channel with its own mean and spread. */
    private static float[] input() {
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[PER_CHANNEL * CHANNELS];
        for (int i = 0; i < x.length; i++) {
            int c = i % CHANNELS;
            x[i] = (float) ((c + 1) * (random.nextDouble() * 2 - 1) + 2 * c - 1);
        }
        return x;
    }

    private static double[] batchMean() {
        double[] mean = new double[CHANNELS];
        for (int i = 0; i < X.length; i++) {
            mean[i % CHANNELS] += X[i] / (double) PER_CHANNEL;
        }
        return mean;
    }

    /** The sum of squared deviations over {@code divisor}. */
    private static double[] batchVariance(double[] mean, int divisor) {
        double[] variance = new double[CHANNELS];
        for (int i = 0; i < X.length; i++) {
            int c = i % CHANNELS;
            variance[c] += (X[i] - mean[c]) * (X[i] - mean[c]) / divisor;
        }
        return variance;
    }
}
