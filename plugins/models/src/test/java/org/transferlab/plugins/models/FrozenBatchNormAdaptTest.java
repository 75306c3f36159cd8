package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

/**
 * {@code frozen_batchnorm: adapt} does what PyTorch's {@code model.train()} does to a BatchNorm whose parameters have
 * {@code requires_grad=False}: it moves {@code running_mean ← (1 − m)·running_mean + m·batch_mean} and
 * {@code running_var ← (1 − m)·running_var + m·unbiased_batch_var} with m = 0.1, while its weight and bias stay as
 * they were. The batch statistics are computed here in Java, from the stem convolution written out by hand.
 */
class FrozenBatchNormAdaptTest {

    private static final RuntimeOptions CPU = RuntimeOptions.cpu(1);
    private static final OptimizerSettings SGD = new OptimizerSettings(OptimizerKind.SGD, 0.9, 0);
    private static final Set<String> STEM = Set.of("stem.conv.weight", "stem.conv.bias", "stem.bn.gamma", "stem.bn.beta");
    private static final ImageSet IMAGES = BlobImages.generate(6, 3);

    private final Architecture resnet = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10);
    private final Weights start = withMovingStatistics(Weights.initialize(resnet, 8));

    @Test
    void aFrozenBatchNormThatAdaptsMovesItsStatisticsByPyTorchsFormulaAndKeepsItsScaleAndShift() {
        Weights after = oneStep(true);

        double[][] batch = stemBatchStatistics(start, IMAGES.toFloats(), IMAGES.count());
        float[] mean = start.get("stem.bn.moving_mean").values();
        float[] variance = start.get("stem.bn.moving_variance").values();
        float[] movedMean = after.get("stem.bn.moving_mean").values();
        float[] movedVariance = after.get("stem.bn.moving_variance").values();
        for (int c = 0; c < mean.length; c++) {
            assertEquals(0.9 * mean[c] + 0.1 * batch[0][c], movedMean[c], 1e-5, "running_mean of channel " + c);
            assertEquals(0.9 * variance[c] + 0.1 * batch[1][c], movedVariance[c], 1e-5 * (1 + batch[1][c]),
                    "running_var of channel " + c);
        }
        for (String frozen : STEM) {
            assertArrayEquals(start.get(frozen).values(), after.get(frozen).values(), frozen + " is unchanged");
        }
        assertNotEquals(start.get("block1.bn1.moving_mean"), after.get("block1.bn1.moving_mean"),
                "the trainable layers train as before");
    }

    @Test
    void aFrozenBatchNormInInferenceModeKeepsItsStatisticsBitForBit() {
        Weights after = oneStep(false);
        for (String name : new String[] {"stem.bn.moving_mean", "stem.bn.moving_variance", "stem.bn.gamma"}) {
            assertArrayEquals(start.get(name).values(), after.get(name).values(), name);
        }
    }

    private Weights oneStep(boolean adapt) {
        try (Network network = Network.forTraining(resnet, start, SGD, STEM, adapt, CPU)) {
            network.trainStep(IMAGES.toFloats(), IMAGES.labels(), 0.05f);
            return network.snapshot();
        }
    }

    /** Statistics other than the initial 0 and 1, so that the formula's first term is checked too. */
    private static Weights withMovingStatistics(Weights weights) {
        java.util.Map<String, org.transferlab.kernel.engine.WeightTensor> tensors =
                new java.util.LinkedHashMap<>(weights.tensors());
        float[] mean = new float[16];
        float[] variance = new float[16];
        for (int c = 0; c < 16; c++) {
            mean[c] = 0.05f * (c - 8);
            variance[c] = 0.5f + 0.1f * c;
        }
        tensors.put("stem.bn.moving_mean", new org.transferlab.kernel.engine.WeightTensor(new long[] {16}, mean));
        tensors.put("stem.bn.moving_variance", new org.transferlab.kernel.engine.WeightTensor(new long[] {16}, variance));
        return new Weights(tensors);
    }

    /**
     * Per channel, the mean and the unbiased variance (n − 1 in the denominator, n = images · 28 · 28) of the stem
     * convolution's output: a 3×3 kernel [h, w, in, out] with zero padding 1, plus its bias.
     */
    private static double[][] stemBatchStatistics(Weights weights, float[] images, int count) {
        float[] kernel = weights.get("stem.conv.weight").values();
        float[] bias = weights.get("stem.conv.bias").values();
        int channels = bias.length;
        int side = ImageSet.SIDE;
        double[] sum = new double[channels];
        double[] sumOfSquares = new double[channels];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    for (int c = 0; c < channels; c++) {
                        double value = bias[c];
                        for (int di = 0; di < 3; di++) {
                            for (int dj = 0; dj < 3; dj++) {
                                int y = i + di - 1;
                                int x = j + dj - 1;
                                if (y >= 0 && y < side && x >= 0 && x < side) {
                                    value += images[n * side * side + y * side + x] * kernel[(di * 3 + dj) * channels + c];
                                }
                            }
                        }
                        sum[c] += value;
                        sumOfSquares[c] += value * value;
                    }
                }
            }
        }
        long pixels = (long) count * side * side;
        double[][] statistics = new double[2][channels];
        for (int c = 0; c < channels; c++) {
            statistics[0][c] = sum[c] / pixels;
            statistics[1][c] = (sumOfSquares[c] - pixels * statistics[0][c] * statistics[0][c]) / (pixels - 1);
        }
        return statistics;
    }
}
