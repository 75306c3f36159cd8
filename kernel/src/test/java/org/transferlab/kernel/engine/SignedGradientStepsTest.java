package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.bench.CountingModel;

/** The network's in-graph signed-gradient steps against the plugin API's reference loop over the same gradients. */
class SignedGradientStepsTest {

    private static final TwoLayerPerceptron MODEL = new TwoLayerPerceptron(32, 5);
    private static final int IMAGES = 6;

    private final Weights weights = Weights.initialize(MODEL, 7);
    private final float[] clean = randomImages(IMAGES, 11);
    private final int[] labels = {0, 1, 2, 3, 4, 0};

    @Test
    void ascendingStepsInTheGraphEqualTheJavaLoopBitForBit() {
        assertGraphEqualsLoop(0.01f, 0.3f, 40);
    }

    @Test
    void descendingStepsInTheGraphEqualTheJavaLoopBitForBit() {
        assertGraphEqualsLoop(-0.05f, 0.1f, 7);
    }

    @Test
    void stepsStayInTheEpsilonBallAndTheImageBox() {
        try (Network network = Network.forInference(MODEL, weights, RuntimeOptions.cpu(1))) {
            float[] adversarial = network.signedGradientSteps(clean, clean, labels, 0.1f, 0.25f, 5);
            for (int i = 0; i < clean.length; i++) {
                assertTrue(Math.abs(adversarial[i] - clean[i]) <= 0.25f + 1e-7f);
                assertTrue(adversarial[i] >= 0 && adversarial[i] <= 1);
            }
            assertFalse(Arrays.equals(clean, adversarial), "the steps moved nothing");
        }
    }

    @Test
    void zeroStepsReturnTheStart() {
        float[] start = randomImages(IMAGES, 3);
        try (Network network = Network.forInference(MODEL, weights, RuntimeOptions.cpu(1))) {
            assertArrayEquals(start, network.signedGradientSteps(start, clean, labels, 0.1f, 0.3f, 0));
        }
    }

    private void assertGraphEqualsLoop(float stepSize, float epsilon, int steps) {
        float[] start = clean.clone();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < start.length; i++) {
            start[i] = Math.min(1f, Math.max(0f, start[i] + (float) ((2 * random.nextDouble() - 1) * epsilon)));
        }
        try (Network network = Network.forInference(MODEL, weights, RuntimeOptions.cpu(1))) {
            SourceModel javaLoop = new CountingModel(network, false);
            float[] expected = javaLoop.signedGradientSteps(start, clean, labels, stepSize, epsilon, steps);
            float[] inGraph = network.signedGradientSteps(start, clean, labels, stepSize, epsilon, steps);
            assertArrayEquals(expected, inGraph);
            assertFalse(Arrays.equals(start, inGraph), "the steps moved nothing");
        }
    }

    private static float[] randomImages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * ImageSet.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return pixels;
    }
}
