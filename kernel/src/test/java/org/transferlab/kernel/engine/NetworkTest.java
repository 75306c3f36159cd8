package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

class NetworkTest {

    private static final int CLASSES = 4;
    private static final RuntimeOptions CPU = RuntimeOptions.cpu(1);
    private static final OptimizerSettings ADAM = new OptimizerSettings(OptimizerKind.ADAM, 0.9, 0);
    private static final LinearSoftmax MODEL = new LinearSoftmax(CLASSES);

    private final Weights initial = Weights.initialize(MODEL, 42);
    private final float[] images = SyntheticImages.disjointImages(3);
    private final int[] labels = {2, 0, 3};

    @Test
    void logitsAreTheLinearMapOfTheImages() {
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            float[] logits = network.logits(images, labels.length);
            LinearSoftmaxMath math = new LinearSoftmaxMath(initial);
            assertEquals(CLASSES, network.numClasses());
            assertEquals(labels.length * CLASSES, logits.length);
            for (int i = 0; i < labels.length; i++) {
                double[] delta = math.probabilitiesMinusOneHot(images, i, labels[i]);
                double[] probabilities = softmax(logits, i);
                for (int c = 0; c < CLASSES; c++) {
                    assertEquals(delta[c] + (c == labels[i] ? 1 : 0), probabilities[c], 1e-6);
                }
            }
        }
    }

    @Test
    void lossGradientIsTheClosedFormGradientOfTheSummedCrossEntropy() {
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            float[] gradient = network.lossGradient(images, labels);
            assertArrayEquals(toFloats(new LinearSoftmaxMath(initial).inputGradient(images, labels)), gradient, 1e-6f);
        }
    }

    @Test
    void logitGradientIsTheWeightedSumOfTheLinearMapsRows() {
        float[] logitWeights = {1, 0, -1, 0, 0.5f, 0, 0, 2, 0, 0, 0, 0};
        float[] weight = initial.get(LinearSoftmax.WEIGHT).values();
        float[] expected = new float[images.length];
        for (int i = 0; i < labels.length; i++) {
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                double sum = 0;
                for (int c = 0; c < CLASSES; c++) {
                    sum += logitWeights[i * CLASSES + c] * weight[p * CLASSES + c];
                }
                expected[i * ImageSet.PIXELS + p] = (float) sum;
            }
        }
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            assertArrayEquals(expected, network.logitGradient(images, logitWeights), 1e-6f);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> network.logitGradient(images, new float[5]));
            assertEquals("need 3 × 4 logit weights, got 5", error.getMessage());
        }
    }

    @Test
    void eachImagesGradientDependsOnlyOnThatImage() {
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            float[] batch = network.lossGradient(images, labels);
            float[] second = network.lossGradient(slice(images, 1), new int[] {labels[1]});
            float[] secondOfBatch = new float[ImageSet.PIXELS];
            System.arraycopy(batch, ImageSet.PIXELS, secondOfBatch, 0, ImageSet.PIXELS);
            assertArrayEquals(second, secondOfBatch, 1e-7f);
        }
    }

    @Test
    void twoAdamStepsMatchTheHandComputedUpdate() {
        float rate = 0.01f;
        try (Network network = Network.forTraining(MODEL, initial, ADAM, Set.of(), CPU)) {
            StepResult first = network.trainStep(images, labels, rate);
            Weights afterFirst = network.snapshot();
            network.trainStep(images, labels, rate);
            Weights afterSecond = network.snapshot();

            LinearSoftmaxMath atStart = new LinearSoftmaxMath(initial);
            LinearSoftmaxMath atFirst = new LinearSoftmaxMath(afterFirst);
            assertEquals(atStart.loss(images, labels), first.loss(), 1e-5);
            assertEquals(correctPredictions(atStart), first.correct());
            assertAdam(initial.get(LinearSoftmax.WEIGHT).values(), rate,
                    atStart.weightGradient(images, labels), atFirst.weightGradient(images, labels),
                    afterFirst.get(LinearSoftmax.WEIGHT).values(), afterSecond.get(LinearSoftmax.WEIGHT).values());
            assertAdam(initial.get(LinearSoftmax.BIAS).values(), rate,
                    atStart.biasGradient(images, labels), atFirst.biasGradient(images, labels),
                    afterFirst.get(LinearSoftmax.BIAS).values(), afterSecond.get(LinearSoftmax.BIAS).values());
        }
    }

    @Test
    void sgdWithMomentumAndWeightDecayMatchesTheHandComputedUpdate() {
        float rate = 0.5f;
        double momentum = 0.8;
        double decay = 0.1;
        OptimizerSettings sgd = new OptimizerSettings(OptimizerKind.SGD, momentum, decay);
        try (Network network = Network.forTraining(MODEL, initial, sgd, Set.of(), CPU)) {
            network.trainStep(images, labels, rate);
            Weights afterFirst = network.snapshot();
            network.trainStep(images, labels, rate);
            Weights afterSecond = network.snapshot();

            double[] g1 = new LinearSoftmaxMath(initial).weightGradient(images, labels);
            double[] g2 = new LinearSoftmaxMath(afterFirst).weightGradient(images, labels);
            float[] w0 = initial.get(LinearSoftmax.WEIGHT).values();
            float[] w1 = afterFirst.get(LinearSoftmax.WEIGHT).values();
            float[] w2 = afterSecond.get(LinearSoftmax.WEIGHT).values();
            for (int k = 0; k < w0.length; k++) {
                double a1 = g1[k] + decay * w0[k];
                assertEquals(w0[k] - rate * a1, w1[k], 1e-6, "first step, weight " + k);
                double a2 = momentum * a1 + g2[k] + decay * w1[k];
                assertEquals(w1[k] - rate * a2, w2[k], 1e-6, "second step, weight " + k);
            }
            double[] biasGradient = new LinearSoftmaxMath(initial).biasGradient(images, labels);
            float[] b0 = initial.get(LinearSoftmax.BIAS).values();
            float[] b1 = afterFirst.get(LinearSoftmax.BIAS).values();
            for (int c = 0; c < CLASSES; c++) {
                assertEquals(b0[c] - rate * biasGradient[c], b1[c], 1e-6, "biases have no weight decay");
            }
        }
    }

    @Test
    void frozenParametersAndTheirStateStayBitForBitUnchanged() {
        try (Network network = Network.forTraining(MODEL, initial, ADAM, Set.of(LinearSoftmax.WEIGHT), CPU)) {
            for (int step = 0; step < 3; step++) {
                network.trainStep(images, labels, 0.01f);
            }
            Weights trained = network.snapshot();
            assertEquals(initial.get(LinearSoftmax.WEIGHT), trained.get(LinearSoftmax.WEIGHT));
            assertEquals(initial.get(LinearSoftmax.RUNNING_MEAN), trained.get(LinearSoftmax.RUNNING_MEAN));
            assertNotEquals(initial.get(LinearSoftmax.BIAS), trained.get(LinearSoftmax.BIAS));
        }
    }

    @Test
    void trainableLayersUpdateTheirStateFromTheBatch() {
        try (Network network = Network.forTraining(MODEL, initial, ADAM, Set.of(LinearSoftmax.BIAS), CPU)) {
            network.trainStep(images, labels, 0.01f);
            Weights trained = network.snapshot();
            double pixelMean = 0;
            for (float pixel : images) {
                pixelMean += pixel / images.length;
            }
            assertEquals((1 - LinearSoftmax.STATE_MOMENTUM) * pixelMean,
                    trained.get(LinearSoftmax.RUNNING_MEAN).values()[0], 1e-6);
            assertEquals(initial.get(LinearSoftmax.BIAS), trained.get(LinearSoftmax.BIAS));
            assertNotEquals(initial.get(LinearSoftmax.WEIGHT), trained.get(LinearSoftmax.WEIGHT));
        }
    }

    @Test
    void restoredCheckpointGivesIdenticalLogits(@TempDir Path directory) throws Exception {
        Path checkpoint = directory.resolve("model.npz");
        float[] trainedLogits;
        try (Network network = Network.forTraining(MODEL, initial, ADAM, Set.of(), CPU)) {
            for (int step = 0; step < 3; step++) {
                network.trainStep(images, labels, 0.01f);
            }
            network.snapshot().write(checkpoint);
            trainedLogits = network.logits(images, labels.length);
        }
        try (Network restored = Network.forInference(MODEL, Weights.read(checkpoint), CPU)) {
            assertArrayEquals(trainedLogits, restored.logits(images, labels.length));
        }
    }

    @Test
    void predictsInBatchesTheSameClassesAsAllAtOnce() {
        ImageSet set = SyntheticImages.rowBands(7, CLASSES, 3);
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            float[] pixels = set.toFloats(new int[] {0, 1, 2, 3, 4, 5, 6});
            int[] all = network.predict(pixels, 7);
            assertArrayEquals(all, network.predict(set, 3));
            assertArrayEquals(all, network.predict(pixels, 7, 3));
        }
    }

    @Test
    void rejectsWeightsThatDoNotFitTheModel() {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>(initial.tensors());
        tensors.put(LinearSoftmax.BIAS, WeightTensor.filled(new long[] {CLASSES + 1}, 0f));
        tensors.remove(LinearSoftmax.RUNNING_MEAN);
        tensors.put("extra", WeightTensor.filled(new long[] {1}, 0f));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Network.forInference(MODEL, new Weights(tensors), CPU));
        assertEquals("weights do not fit the model: dense.bias has shape [5] but the model needs [4]; "
                + "pixels.running_mean is missing; extra is not a tensor of the model", error.getMessage());
    }

    @Test
    void rejectsLabelsOutsideTheClassRange() {
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> network.lossGradient(images, new int[] {0, 4, 1}));
            assertEquals("label 4 is outside [0, 4)", error.getMessage());
        }
    }

    @Test
    void rejectsTrainingAnInferenceNetwork() {
        try (Network network = Network.forInference(MODEL, initial, CPU)) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> network.trainStep(images, labels, 0.1f));
            assertEquals("this network was built for inference only", error.getMessage());
        }
    }

    @Test
    void rejectsFreezingAnUnknownParameter() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Network.forTraining(MODEL, initial, ADAM, Set.of("dense.kernel"), CPU));
        assertEquals("cannot freeze dense.kernel: the model has no such parameter", error.getMessage());
    }

    @Test
    void gpuDeviceFailsClearlyWithoutAGpu() {
        assumeFalse(System.getProperty("java.class.path").contains("-gpu.jar"), "GPU natives present");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Network.forInference(MODEL, initial, new RuntimeOptions("gpu", 1)));
        assertTrue(error.getMessage().startsWith("runtime device gpu needs a GPU, but TensorFlow sees none"),
                error.getMessage());
    }

    private static void assertAdam(float[] w0, float rate, double[] g1, double[] g2, float[] w1, float[] w2) {
        double b1 = OptimizerSettings.ADAM_BETA1;
        double b2 = OptimizerSettings.ADAM_BETA2;
        double epsilon = OptimizerSettings.ADAM_EPSILON;
        boolean anyNonZero = false;
        for (int k = 0; k < w0.length; k++) {
            double m1 = (1 - b1) * g1[k];
            double v1 = (1 - b2) * g1[k] * g1[k];
            double rate1 = rate * Math.sqrt(1 - b2) / (1 - b1);
            assertEquals(w0[k] - rate1 * m1 / (Math.sqrt(v1) + epsilon), w1[k], 1e-6, "first step, element " + k);
            double m2 = b1 * m1 + (1 - b1) * g2[k];
            double v2 = b2 * v1 + (1 - b2) * g2[k] * g2[k];
            double rate2 = rate * Math.sqrt(1 - b2 * b2) / (1 - b1 * b1);
            assertEquals(w1[k] - rate2 * m2 / (Math.sqrt(v2) + epsilon), w2[k], 1e-6, "second step, element " + k);
            anyNonZero |= g1[k] != 0;
        }
        assertTrue(anyNonZero, "the test batch must produce some non-zero gradients");
    }

    private int correctPredictions(LinearSoftmaxMath math) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] delta = math.probabilitiesMinusOneHot(images, i, labels[i]);
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = delta[c] + (c == labels[i] ? 1 : 0) > delta[best] + (best == labels[i] ? 1 : 0) ? c : best;
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return correct;
    }

    private static double[] softmax(float[] logits, int row) {
        double[] probabilities = new double[CLASSES];
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            probabilities[c] = Math.exp(logits[row * CLASSES + c]);
            sum += probabilities[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    private static float[] slice(float[] images, int index) {
        float[] one = new float[ImageSet.PIXELS];
        System.arraycopy(images, index * ImageSet.PIXELS, one, 0, ImageSet.PIXELS);
        return one;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
