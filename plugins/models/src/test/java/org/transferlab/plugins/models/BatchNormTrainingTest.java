package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.WeightTensor;
import org.transferlab.kernel.engine.Weights;

/**
 * BatchNorm as the kernel trains it, in a network of one BatchNorm over the pixels, global average pooling and a
 * dense layer to two classes.
 */
class BatchNormTrainingTest {

    private static final Architecture NETWORK = new OneBatchNorm();
    private static final OptimizerSettings ADAM = new OptimizerSettings(OptimizerKind.ADAM, 0, 0);
    private static final ImageSet IMAGES = BlobImages.generate(8, 11);
    private static final float GAMMA = 2f;
    private static final float BETA = 0.5f;
    private static final float MOVING_MEAN = 0.3f;
    private static final float MOVING_VARIANCE = 0.04f;
    private static final float[] FC_WEIGHT = {1f, -1f};
    private static final float[] FC_BIAS = {0f, 0.1f};

    @Test
    void eachTrainingStepMovesTheStatisticsByATenthTowardsTheBatchMeanAndUnbiasedVariance() {
        float[] first = batch(0, 4);
        float[] second = batch(4, 4);
        double mean = MOVING_MEAN;
        double variance = MOVING_VARIANCE;
        for (float[] pixels : List.of(first, second)) {
            double batchMean = mean(pixels);
            mean = 0.9 * mean + 0.1 * batchMean;
            variance = 0.9 * variance + 0.1 * squaredDeviations(pixels, batchMean) / (pixels.length - 1);
        }
        try (Network network = Network.forTraining(NETWORK, weights(), ADAM, Set.of(), RuntimeOptions.cpu(2))) {
            network.trainStep(first, labels(0, 4), 1e-2f);
            network.trainStep(second, labels(4, 4), 1e-2f);
            Weights trained = network.snapshot();
            assertEquals((float) mean, trained.get("bn.moving_mean").values()[0], 1e-6f);
            assertEquals((float) variance, trained.get("bn.moving_variance").values()[0], 1e-6f);
        }
    }

    @Test
    void inferenceNormalisesWithTheMovingStatistics() {
        float[] pixels = batch(0, 8);
        float[] expected = new float[8 * 2];
        for (int image = 0; image < 8; image++) {
            float[] one = new float[ImageSet.PIXELS];
            System.arraycopy(pixels, image * ImageSet.PIXELS, one, 0, ImageSet.PIXELS);
            double feature = (mean(one) - MOVING_MEAN) / Math.sqrt(MOVING_VARIANCE + 1e-5) * GAMMA + BETA;
            for (int c = 0; c < 2; c++) {
                expected[image * 2 + c] = (float) (feature * FC_WEIGHT[c] + FC_BIAS[c]);
            }
        }
        try (Network network = Network.forInference(NETWORK, weights(), RuntimeOptions.cpu(2))) {
            assertArrayEquals(expected, network.logits(pixels, 8), 1e-4f);
        }
    }

    @Test
    void aFrozenBatchNormKeepsItsStatisticsBitForBitAndTrainsWithThemAsInInference() {
        float[] pixels = batch(0, 8);
        int[] labels = labels(0, 8);
        try (Network frozen = Network.forTraining(NETWORK, weights(), ADAM, Set.of("bn.gamma"),
                RuntimeOptions.cpu(2));
             Network trainable = Network.forTraining(NETWORK, weights(), ADAM, Set.of(), RuntimeOptions.cpu(2))) {
            double inferenceLoss = crossEntropy(frozen.logits(pixels, 8), labels);
            assertEquals(inferenceLoss, frozen.trainStep(pixels, labels, 1e-2f).loss(), 1e-5);
            // The same step with batch statistics computes another loss, so the comparison above tells them apart.
            assertNotEquals(inferenceLoss, trainable.trainStep(pixels, labels, 1e-2f).loss(), 1e-2);

            frozen.trainStep(batch(4, 4), labels(4, 4), 1e-2f);
            Weights after = frozen.snapshot();
            Weights before = weights();
            assertEquals(before.get("bn.moving_mean"), after.get("bn.moving_mean"));
            assertEquals(before.get("bn.moving_variance"), after.get("bn.moving_variance"));
            assertEquals(before.get("bn.gamma"), after.get("bn.gamma"));
            assertNotEquals(before.get("bn.beta"), after.get("bn.beta"), "the rest of the network still trains");
        }
    }

    private static Weights weights() {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        tensors.put("bn.gamma", new WeightTensor(new long[] {1}, new float[] {GAMMA}));
        tensors.put("bn.beta", new WeightTensor(new long[] {1}, new float[] {BETA}));
        tensors.put("fc.weight", new WeightTensor(new long[] {1, 2}, FC_WEIGHT.clone()));
        tensors.put("fc.bias", new WeightTensor(new long[] {2}, FC_BIAS.clone()));
        tensors.put("bn.moving_mean", new WeightTensor(new long[] {1}, new float[] {MOVING_MEAN}));
        tensors.put("bn.moving_variance", new WeightTensor(new long[] {1}, new float[] {MOVING_VARIANCE}));
        return new Weights(tensors);
    }

    private static float[] batch(int start, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = start + i;
        }
        return IMAGES.toFloats(indices);
    }

    /** Class 1 for the blobs in the top row of places, 0 for the bottom row. */
    private static int[] labels(int start, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = IMAGES.labels()[start + i] < 5 ? 1 : 0;
        }
        return labels;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double squaredDeviations(float[] values, double mean) {
        double sum = 0;
        for (float value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }

    private static double crossEntropy(float[] logits, int[] labels) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double max = Math.max(logits[2 * i], logits[2 * i + 1]);
            double logSum = max + Math.log(Math.exp(logits[2 * i] - max) + Math.exp(logits[2 * i + 1] - max));
            total += logSum - logits[2 * i + labels[i]];
        }
        return total / labels.length;
    }

    private static final class OneBatchNorm implements Architecture {

        @Override
        public List<ParameterSpec> parameters() {
            List<ParameterSpec> parameters = new ArrayList<>(Layers.batchNormParameters("bn", 1));
            parameters.addAll(Layers.denseParameters("fc", 1, 2, WeightInit.HE_NORMAL));
            return parameters;
        }

        @Override
        public List<StateSpec> state() {
            return Layers.batchNormState("bn", 1);
        }

        @Override
        public List<String> headParameters() {
            return List.of("fc.weight", "fc.bias");
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
            Operand<TFloat32> features = Layers.globalAveragePool(graph, Layers.batchNorm(graph, images, "bn", training));
            return Layers.dense(graph, features, "fc");
        }
    }
}
