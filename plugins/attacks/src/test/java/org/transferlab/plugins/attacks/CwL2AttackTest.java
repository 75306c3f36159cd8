package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.attacks.Fixtures.agreement;
import static org.transferlab.plugins.attacks.Fixtures.l2Distance;
import static org.transferlab.plugins.attacks.Fixtures.predictions;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.plugins.attacks.Fixtures.Problem;

/** C&amp;W L2 against {@link LinearModel}s, whose distances to the decision boundary are known in closed form. */
class CwL2AttackTest {

    /**
     * The attack with the authors' learning rate 0.01: these images have no black or white pixels, where the default 0.1
     * is needed, and the smaller rate lands closer to the boundary.
     */
    private static Attack cw(Double eps, Double confidence, TargetMode target) {
        return new CwL2Provider().create(new CwL2Options(eps, confidence, null, null, null, 0.01, null, target));
    }

    @Test
    void findsTheClosedFormMinimalDistanceToTheDecisionBoundary() {
        for (int classes : new int[] {2, 4}) {
            Problem problem = Problem.draw(40 + classes, classes, 6);
            LinearModel model = problem.model();
            float[] clean = problem.clean();
            int[] labels = problem.labels();
            int count = problem.count();
            float[] adversarial = cw(null, null, null).perturb(model, clean, labels, new SplittableRandom(0));
            assertEquals(0.0, agreement(model, adversarial, labels), classes + " classes: every image is fooled");
            for (int n = 0; n < count; n++) {
                double minimal = problem.distanceToBoundary(n);
                double found = l2Distance(adversarial, clean, n);
                assertTrue(found >= minimal * 0.999 && found <= minimal * 1.03,
                        classes + " classes, image " + n + ": found " + found + ", closed form " + minimal);
            }
        }
    }

    @Test
    void neverExceedsEpsAndReturnsCleanImagesWhereNoExampleFitsIn() {
        Problem problem = Problem.draw(44, 3, 10);
        LinearModel model = problem.model();
        float[] clean = problem.clean();
        int[] labels = problem.labels();
        int count = problem.count();
        double[] minimal = new double[count];
        for (int n = 0; n < count; n++) {
            minimal[n] = problem.distanceToBoundary(n);
        }
        double[] sorted = minimal.clone();
        Arrays.sort(sorted);
        double eps = (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        Attack attack = cw(eps, null, null);
        assertEquals(new Budget(Budget.Norm.L2, eps), attack.budget());
        float[] adversarial = attack.perturb(model, clean, labels, new SplittableRandom(0));
        int[] predicted = predictions(model, adversarial);
        for (int n = 0; n < count; n++) {
            double size = l2Distance(adversarial, clean, n);
            assertTrue(size <= eps, "image " + n + " moved " + size + " > eps " + eps);
            if (minimal[n] > eps) {
                assertEquals(0.0, size, "image " + n + " cannot be attacked within eps and comes back clean");
            } else if (minimal[n] < 0.97 * eps) {
                assertTrue(predicted[n] != labels[n], "image " + n + " has an example within eps");
            }
        }
    }

    @Test
    void reachesRandomTargetsAndKeepsTheConfidenceMargin() {
        Problem problem = Problem.draw(45, 5, 6);
        LinearModel model = problem.model();
        float[] clean = problem.clean();
        int count = problem.count();
        int[] targets = problem.otherClasses(new SplittableRandom(1));
        double kappa = 0.5;
        Attack attack = cw(null, kappa, TargetMode.RANDOM);
        assertEquals(TargetMode.RANDOM, attack.targetMode());
        float[] adversarial = attack.perturbToward(model, clean, targets, new SplittableRandom(0));
        float[] logits = model.logits(adversarial, count);
        for (int n = 0; n < count; n++) {
            int other = LogitRows.bestOther(logits, n, 5, targets[n]);
            assertTrue(logits[n * 5 + targets[n]] - logits[n * 5 + other] >= kappa,
                    "image " + n + " is its target by a margin of κ");
        }
    }

    @Test
    void movesBlackPixelsAtTheDefaultLearningRateWhereTheAuthorsRateCannot() {
        Problem problem = Problem.draw(48, 3, 6);
        float[] black = new float[problem.clean().length];
        int[] labels = predictions(problem.model(), black);
        Attack byDefault = new CwL2Provider().create(new CwL2Options(null, null, null, null, null, null, null, null));
        float[] adversarial = byDefault.perturb(problem.model(), black, labels, new SplittableRandom(0));
        assertEquals(0.0, agreement(problem.model(), adversarial, labels));
        float[] slow = cw(null, null, null).perturb(problem.model(), black, labels, new SplittableRandom(0));
        assertArrayEquals(black, slow, 1e-4f, "100 steps of 0.01 barely leave w = atanh(-0.999999)");
    }

    @Test
    void returnsTheCleanImageWhenNoConstantSucceeds() {
        Problem problem = Problem.draw(46, 3, 3);
        Attack hopeless = new CwL2Provider().create(new CwL2Options(null, null, 1e-6, 1, 5, null, null, null));
        assertArrayEquals(problem.clean(),
                hopeless.perturb(problem.model(), problem.clean(), problem.labels(), new SplittableRandom(0)), 0f);
    }

    @Test
    void isUnboundedUntargetedAndFollowsTheAuthorsDefaults() {
        CwL2Attack attack = (CwL2Attack) new CwL2Provider()
                .create(new CwL2Options(null, null, null, null, null, null, null, null));
        assertEquals(new Budget(Budget.Norm.L2, Double.POSITIVE_INFINITY), attack.budget());
        assertEquals(TargetMode.UNTARGETED, attack.targetMode());
        assertEquals(new CwL2Attack.Settings(null, 0, 0.01, 9, 100, 0.1, true), attack.settings());
    }

    @Test
    void earlyAbortSavesGradientsWithoutLosingTheExample() {
        Problem problem = Problem.draw(47, 3, 4);
        LinearModel model = problem.model();
        float[] clean = problem.clean();
        int[] labels = problem.labels();
        int count = problem.count();
        CountingModel patient = new CountingModel(model);
        CountingModel impatient = new CountingModel(model);
        float[] full = new CwL2Provider().create(new CwL2Options(null, null, null, null, null, 0.01, false, null))
                .perturb(patient, clean, labels, new SplittableRandom(0));
        float[] aborted = cw(null, null, null).perturb(impatient, clean, labels, new SplittableRandom(0));
        assertEquals(9 * 100 * count, patient.gradientImages);
        assertTrue(impatient.gradientImages < patient.gradientImages, impatient.gradientImages + " gradient images");
        assertEquals(0, patient.lossGradients + impatient.lossGradients, "C&W follows logit gradients only");
        for (int n = 0; n < count; n++) {
            assertEquals(l2Distance(full, clean, n), l2Distance(aborted, clean, n), 0.02 * l2Distance(full, clean, n));
        }
    }
}
