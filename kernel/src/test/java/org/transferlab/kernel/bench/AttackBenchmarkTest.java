package org.transferlab.kernel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.bench.AttackBenchmark.Named;
import org.transferlab.kernel.bench.AttackBenchmark.Result;
import org.transferlab.kernel.bench.AttackBenchmark.Settings;
import org.transferlab.kernel.engine.LinearSoftmax;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

class AttackBenchmarkTest {

    @Test
    void reportsPositiveRatesAndCountsTheGradientEvaluationsOfEachAttack() {
        LinearSoftmax model = new LinearSoftmax(10);
        ImageSet source = images(10);
        List<Result> results;
        try (Network network = Network.forInference(model, Weights.initialize(model, 1), RuntimeOptions.cpu(1))) {
            // 40 images from 10 in batches of 16: the images cycle and the last batch is partial.
            results = AttackBenchmark.run(network, source,
                    List.of(new Named("one-step", new SignSteps(1)), new Named("three-steps", new SignSteps(3))),
                    new Settings(16, 40, 1));
        }
        assertEquals(List.of("one-step", "three-steps"), results.stream().map(Result::label).toList());
        assertEquals(1.0, results.get(0).gradientsPerImage());
        assertEquals(3.0, results.get(1).gradientsPerImage());
        for (Result result : results) {
            assertTrue(result.imagesPerSecond() > 0, result.toString());
            assertEquals(result.imagesPerSecond() * result.gradientsPerImage(), result.imageStepsPerSecond(), 1e-9);
        }
    }

    private static ImageSet images(int count) {
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        new SplittableRandom(7).nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return new ImageSet(pixels, labels);
    }

    /** Signed-gradient steps of 0.01, one loss gradient per step. */
    private record SignSteps(int steps) implements Attack {

        @Override
        public Budget budget() {
            return Budget.linf(0.01 * steps);
        }

        @Override
        public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
            float[] x = images.clone();
            for (int step = 0; step < steps; step++) {
                float[] gradient = model.lossGradient(x, labels);
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.min(1, Math.max(0, x[i] + 0.01f * Math.signum(gradient[i])));
                }
            }
            return x;
        }
    }
}
