package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.attacks.Fixtures.PIXELS;
import static org.transferlab.plugins.attacks.Fixtures.agreement;
import static org.transferlab.plugins.attacks.Fixtures.l2Distance;
import static org.transferlab.plugins.attacks.Fixtures.norm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.plugins.attacks.Fixtures.Problem;

/** DeepFool against {@link LinearModel}s, where one linearisation is exact and the answer is in closed form. */
class DeepFoolAttackTest {

    private static Attack deepfool(Double eps, Integer candidates) {
        return new DeepFoolProvider().create(new DeepFoolOptions(eps, null, null, candidates));
    }

    /**
     * x + (1 + overshoot)·(|f| + 10⁻⁴)/‖w‖²·w for the hyperplane z_j = z_y, w = W_j − W_y: the step that DeepFool takes
     * on a linear model, for every image of the problem toward its class {@code toward[n]}.
     */
    private static float[] oneStep(Problem problem, int[] toward) {
        float[] expected = problem.clean().clone();
        for (int n = 0; n < problem.count(); n++) {
            double[] w = problem.normal(problem.labels()[n], toward[n]);
            double scale = 1.02 * (Math.abs(problem.margin(n, toward[n])) + 1e-4) / (norm(w) * norm(w));
            for (int i = 0; i < PIXELS; i++) {
                expected[n * PIXELS + i] += (float) (scale * w[i]);
            }
        }
        return expected;
    }

    /** For each image the class whose hyperplane is the nearest, by the closed form. */
    private static int[] nearestHyperplanes(Problem problem) {
        int[] nearest = new int[problem.count()];
        for (int n = 0; n < problem.count(); n++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < problem.model().numClasses(); j++) {
                if (j != problem.labels()[n] && problem.distanceToHyperplane(n, j) < best) {
                    best = problem.distanceToHyperplane(n, j);
                    nearest[n] = j;
                }
            }
        }
        return nearest;
    }

    /**
     * Runs DeepFool on the problem and checks that it took exactly {@link #oneStep} toward {@code toward}, fooling every
     * image, with one logit gradient per candidate class.
     */
    private static float[] assertOneStep(Problem problem, Integer candidates, int[] toward, int logitGradients) {
        CountingModel counting = new CountingModel(problem.model());
        float[] adversarial = deepfool(null, candidates)
                .perturb(counting, problem.clean(), problem.labels(), new SplittableRandom(0));
        assertArrayEquals(oneStep(problem, toward), adversarial, 1e-6f);
        assertEquals(logitGradients, counting.logitGradients, "one step: one logit gradient per candidate class");
        assertEquals(0.0, agreement(problem.model(), adversarial, problem.labels()));
        return adversarial;
    }

    @Test
    void crossesABinaryLinearModelsBoundaryInOneMinimalStep() {
        Problem problem = Problem.draw(50, 2, 5);
        int[] other = new int[problem.count()];
        for (int n = 0; n < other.length; n++) {
            other[n] = 1 - problem.labels()[n];
        }
        float[] adversarial = assertOneStep(problem, null, other, 1);
        for (int n = 0; n < problem.count(); n++) {
            assertEquals(1.02 * problem.distanceToBoundary(n), l2Distance(adversarial, problem.clean(), n),
                    1e-3 * problem.distanceToBoundary(n), "the minimal distance times 1 + overshoot");
        }
    }

    @Test
    void stepsToTheClosestHyperplaneOfAMulticlassLinearModel() {
        Problem problem = Problem.draw(51, 6, 8);
        assertOneStep(problem, null, nearestHyperplanes(problem), 5);
    }

    @Test
    void considersOnlyTheClassesWithTheLargestCleanLogits() {
        Problem problem = Problem.draw(52, 6, 8);
        float[] logits = problem.model().logits(problem.clean(), problem.count());
        int[] runnerUp = new int[problem.count()];
        for (int n = 0; n < runnerUp.length; n++) {
            runnerUp[n] = LogitRows.bestOther(logits, n, 6, problem.labels()[n]);
        }
        assertOneStep(problem, 2, runnerUp, 1);
    }

    @Test
    void asksForGradientsOfTheImagesStillClassifiedAsTheirLabelOnly() {
        Problem problem = Problem.draw(53, 4, 10);
        int[] labels = problem.labels().clone();
        for (int n = 0; n < 4; n++) {
            labels[n] = (labels[n] + 1) % 4;
        }
        CountingModel counting = new CountingModel(problem.model());
        float[] adversarial = deepfool(null, null).perturb(counting, problem.clean(), labels, new SplittableRandom(0));
        assertEquals(3 * 6, counting.gradientImages, "the 6 correctly classified images, 3 other classes, one step");
        for (int n = 0; n < 4; n++) {
            assertEquals(0.0, l2Distance(adversarial, problem.clean(), n), "image " + n + " is already misclassified");
        }
    }

    @Test
    void returnsTheCleanImageWhenTheImageBoxStopsTheWalkForMaxIterSteps() {
        // Class 1 needs darker pixels than black: every step is clipped away and the image stays class 0.
        float[][] weights = new float[2][PIXELS];
        Arrays.fill(weights[1], -0.01f);
        LinearModel model = new LinearModel(weights, new float[] {0, -1});
        float[] black = new float[2 * PIXELS];
        CountingModel counting = new CountingModel(model);
        float[] adversarial = new DeepFoolProvider().create(new DeepFoolOptions(null, null, 3, null))
                .perturb(counting, black, new int[] {0, 0}, new SplittableRandom(0));
        assertArrayEquals(black, adversarial, 0f);
        assertEquals(3, counting.logitGradients, "max_iter steps, then the image is given up");
    }

    @Test
    void neverExceedsEpsAndReturnsCleanImagesWhereNoExampleFitsIn() {
        Problem problem = Problem.draw(54, 3, 10);
        double eps = 1.02 * problem.distanceToBoundary(0) * 1.01;
        Attack attack = deepfool(eps, null);
        assertEquals(new Budget(Budget.Norm.L2, eps), attack.budget());
        float[] adversarial = attack.perturb(problem.model(), problem.clean(), problem.labels(), new SplittableRandom(0));
        int found = 0;
        for (int n = 0; n < problem.count(); n++) {
            double size = l2Distance(adversarial, problem.clean(), n);
            assertTrue(size <= eps, "image " + n + " moved " + size);
            double needed = 1.02 * problem.distanceToBoundary(n);
            if (Math.abs(needed - eps) > 0.002 * eps) {
                assertEquals(needed < eps, size > 0, "image " + n + " needs " + needed + " and moved " + size);
            }
            found += size > 0 ? 1 : 0;
        }
        assertTrue(found > 0 && found < problem.count(), found + " of " + problem.count() + " found within eps");
    }

    @Test
    void isUntargetedUnboundedAndFollowsTheReferenceDefaults() {
        DeepFoolAttack attack = (DeepFoolAttack) new DeepFoolProvider()
                .create(new DeepFoolOptions(null, null, null, null));
        assertEquals(new Budget(Budget.Norm.L2, Double.POSITIVE_INFINITY), attack.budget());
        assertEquals(new DeepFoolAttack.Settings(null, 0.02, 50, 10), attack.settings());
        assertEquals(TargetMode.UNTARGETED, attack.targetMode());
        assertThrows(UnsupportedOperationException.class,
                () -> attack.perturbToward(null, new float[PIXELS], new int[1], new SplittableRandom(0)));
    }
}
