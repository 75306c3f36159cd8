package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;

/** The iterative family against {@link LinearModel}s on 784 pixels, whose gradients are known in closed form. */
class IterativeAttacksTest {

    private static final int PIXELS = 784;

    private static LinearModel randomModel(SplittableRandom random, int classes) {
        float[][] weights = new float[classes][PIXELS];
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < PIXELS; i++) {
                weights[k][i] = (float) random.nextGaussian();
            }
            bias[k] = (float) random.nextGaussian();
        }
        return new LinearModel(weights, bias);
    }

    private static float[] randomImages(SplittableRandom random, int count) {
        float[] images = new float[count * PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        return images;
    }

    private static int[] randomLabels(SplittableRandom random, int count, int classes) {
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(classes);
        }
        return labels;
    }

    private static Attack bim(double eps, double step, int steps) {
        return new BimProvider().create(new BimOptions(eps, step, steps));
    }

    private static TransferOptions transfer(Double decay, Double diversityProb, Integer kernelSize) {
        return new TransferOptions(0.1, 0.02, 8, decay, null, diversityProb, kernelSize, null);
    }

    @Test
    void bimFirstStepIsFgsmWithTheStepSize() {
        SplittableRandom random = new SplittableRandom(1);
        LinearModel model = randomModel(random, 3);
        float[] clean = randomImages(random, 4);
        int[] labels = randomLabels(random, 4, 3);
        float[] gradient = model.lossGradient(clean, labels);
        float[] expected = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            expected[i] = Math.min(1f, Math.max(0f, clean[i] + 0.05f * Math.signum(gradient[i])));
        }
        float[] adversarial = bim(0.3, 0.05, 1).perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(expected, adversarial, 1e-7f);
        float[] fgsm = new FgsmProvider().create(new FgsmOptions(0.05)).perturb(model, clean, labels, null);
        assertArrayEquals(fgsm, adversarial, 0f);
    }

    @Test
    void pgdNeverLeavesTheEpsilonBallOrTheImageBoxFromAnyRandomStart() {
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            LinearModel model = randomModel(random, 3);
            float[] clean = randomImages(random, 3);
            int[] labels = randomLabels(random, 3, 3);
            double eps = 0.05 + 0.3 * random.nextDouble();
            Attack pgd = new PgdProvider().create(new PgdOptions(eps, 0.03, 5, null));
            float[] adversarial = pgd.perturb(model, clean, labels, random);
            for (int i = 0; i < clean.length; i++) {
                assertTrue(Math.abs(adversarial[i] - clean[i]) <= (float) eps + 1e-6, "seed " + seed + " pixel " + i);
                assertTrue(adversarial[i] >= 0f && adversarial[i] <= 1f, "seed " + seed + " pixel " + i);
            }
        }
    }

    @Test
    void pgdRandomStartDependsOnlyOnTheSeed() {
        SplittableRandom random = new SplittableRandom(3);
        LinearModel model = randomModel(random, 2);
        float[] clean = randomImages(random, 2);
        int[] labels = {0, 1};
        Attack pgd = new PgdProvider().create(new PgdOptions(0.2, 0.01, 1, true));
        assertArrayEquals(pgd.perturb(model, clean, labels, new SplittableRandom(9)),
                pgd.perturb(model, clean, labels, new SplittableRandom(9)), 0f);
        assertTrue(!Arrays.equals(pgd.perturb(model, clean, labels, new SplittableRandom(9)),
                pgd.perturb(model, clean, labels, new SplittableRandom(10))), "another seed, another start");
    }

    @Test
    void pgdDrivesAnEasySeparableProblemToZeroAccuracy() {
        // Class 1 is "first half brighter than second half"; the clean margin is 0.05 * 392 * 0.2 = 3.9 logits (small
        // enough that softmax does not saturate the gradient to zero), and an L-inf change of 0.3 can move the logit
        // difference by 0.05 * 784 * 0.3 = 11.8.
        float[][] weights = new float[2][PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            weights[1][i] = i < PIXELS / 2 ? 0.05f : -0.05f;
        }
        LinearModel model = new LinearModel(weights, new float[2]);
        SplittableRandom random = new SplittableRandom(5);
        int count = 20;
        float[] clean = new float[count * PIXELS];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % 2;
            for (int i = 0; i < PIXELS; i++) {
                boolean bright = (i < PIXELS / 2) == (labels[n] == 1);
                clean[n * PIXELS + i] = (float) ((bright ? 0.6 : 0.4) + 0.05 * (random.nextDouble() - 0.5));
            }
        }
        assertEquals(1.0, accuracy(model, clean, labels));
        float[] adversarial = new PgdProvider().create(new PgdOptions(null, null, null, null))
                .perturb(model, clean, labels, random);
        assertEquals(0.0, accuracy(model, adversarial, labels));
    }

    private static double accuracy(SourceModel model, float[] images, int[] labels) {
        float[] logits = model.logits(images, labels.length);
        int k = model.numClasses();
        int correct = 0;
        for (int n = 0; n < labels.length; n++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logits[n * k + c] > logits[n * k + best]) {
                    best = c;
                }
            }
            correct += best == labels[n] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    @Test
    void pgdL2StaysInTheL2BallAndTheImageBox() {
        for (int seed = 0; seed < 30; seed++) {
            SplittableRandom random = new SplittableRandom(100 + seed);
            LinearModel model = randomModel(random, 3);
            float[] clean = randomImages(random, 3);
            int[] labels = randomLabels(random, 3, 3);
            double eps = 0.5 + 2 * random.nextDouble();
            Attack attack = new PgdL2Provider().create(new PgdL2Options(eps, null, 10, null));
            assertEquals(new Budget(Budget.Norm.L2, eps), attack.budget());
            float[] adversarial = attack.perturb(model, clean, labels, random);
            for (int n = 0; n < 3; n++) {
                double squares = 0;
                for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                    assertTrue(adversarial[i] >= 0f && adversarial[i] <= 1f);
                    double d = Math.abs(adversarial[i] - clean[i]);
                    squares += d * d;
                }
                assertTrue(Math.sqrt(squares) <= eps, "seed " + seed + " image " + n + ": " + Math.sqrt(squares));
            }
        }
    }

    @Test
    void pgdL2StepIsTheStepSizeAlongTheUnitGradient() {
        SplittableRandom random = new SplittableRandom(7);
        LinearModel model = randomModel(random, 3);
        float[] clean = new float[2 * PIXELS];
        Arrays.fill(clean, 0.5f);
        int[] labels = {0, 2};
        float[] gradient = model.lossGradient(clean, labels);
        float[] expected = new float[clean.length];
        for (int n = 0; n < 2; n++) {
            double norm = 0;
            for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                norm += (double) gradient[i] * gradient[i];
            }
            norm = Math.sqrt(norm);
            for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                expected[i] = (float) (0.5 + 0.3 * gradient[i] / norm);
            }
        }
        float[] adversarial = new PgdL2Provider().create(new PgdL2Options(2.0, 0.3, 1, false))
                .perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(expected, adversarial, 1e-6f);
    }

    @Test
    void pgdL2DefaultsToEpsilonTwoAndStepsOfTwoAndAHalfEpsilonOverSteps() {
        PgdL2Attack attack = (PgdL2Attack) new PgdL2Provider().create(new PgdL2Options(null, null, null, null));
        assertEquals(new Budget(Budget.Norm.L2, 2.0), attack.budget());
        assertEquals(40, attack.steps());
        assertEquals(0.125, attack.stepSize(), 1e-12);
        assertTrue(attack.randomStart());
    }

    @Test
    void momentumWithDecayZeroIsExactlyBim() {
        SplittableRandom random = new SplittableRandom(11);
        LinearModel model = randomModel(random, 4);
        float[] clean = randomImages(random, 5);
        int[] labels = randomLabels(random, 5, 4);
        float[] mi = new MiFgsmProvider().create(transfer(0.0, null, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] ni = new NiFgsmProvider().create(transfer(0.0, null, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] bim = bim(0.1, 0.02, 8).perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(bim, mi, 0f);
        assertArrayEquals(bim, ni, 0f);
    }

    @Test
    void smoothingWithKernelSizeOneIsTheUnsmoothedAttack() {
        SplittableRandom random = new SplittableRandom(13);
        LinearModel model = randomModel(random, 3);
        float[] clean = randomImages(random, 3);
        int[] labels = randomLabels(random, 3, 3);
        float[] ti = new TiFgsmProvider().create(transfer(null, null, 1))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] tiMi = new TiFgsmProvider().create(transfer(1.0, null, 1))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] mi = new MiFgsmProvider().create(transfer(null, null, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(bim(0.1, 0.02, 8).perturb(model, clean, labels, new SplittableRandom(0)), ti, 0f);
        assertArrayEquals(mi, tiMi, 0f);
    }

    @Test
    void diversityWithProbabilityZeroIsTheUnderlyingAttack() {
        SplittableRandom random = new SplittableRandom(14);
        LinearModel model = randomModel(random, 3);
        float[] clean = randomImages(random, 3);
        int[] labels = randomLabels(random, 3, 3);
        float[] di = new DiFgsmProvider().create(transfer(null, 0.0, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] miDi = new MiFgsmProvider().create(transfer(null, 0.0, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        float[] mi = new MiFgsmProvider().create(transfer(null, null, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(bim(0.1, 0.02, 8).perturb(model, clean, labels, new SplittableRandom(0)), di, 0f);
        assertArrayEquals(mi, miDi, 0f);
    }

    @Test
    void everyFamilyMemberAndTheirCombinationStayInBudgetAndCallTheModelOncePerStep() {
        SplittableRandom random = new SplittableRandom(15);
        LinearModel linear = randomModel(random, 3);
        float[] clean = randomImages(random, 4);
        int[] labels = randomLabels(random, 4, 3);
        TransferOptions combined = new TransferOptions(0.2, null, 6, 1.0, true, 1.0, 5, null);
        Attack[] attacks = {
            new PgdProvider().create(new PgdOptions(0.2, 0.05, 6, true)),
            new PgdL2Provider().create(new PgdL2Options(1.0, null, 6, true)),
            new MiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null)),
            new NiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null)),
            new DiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null)),
            new TiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null)),
            new MiFgsmProvider().create(combined),
        };
        for (Attack attack : attacks) {
            CountingModel counting = new CountingModel(linear);
            float[] adversarial = attack.perturb(counting, clean, labels, new SplittableRandom(2));
            assertEquals(6, counting.lossGradients);
            boolean l2 = attack.budget().norm() == Budget.Norm.L2;
            for (int n = 0; n < labels.length; n++) {
                double size = 0;
                for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                    assertTrue(adversarial[i] >= 0f && adversarial[i] <= 1f);
                    double d = Math.abs(adversarial[i] - clean[i]);
                    size = l2 ? size + d * d : Math.max(size, d);
                }
                size = l2 ? Math.sqrt(size) : size;
                assertTrue(size <= attack.budget().epsilon() + 1e-6, attack.budget() + " measured " + size);
            }
        }
    }

    @Test
    void defaultsFollowTheFieldsMnistConventions() {
        IterativeLinfAttack bim = (IterativeLinfAttack) new BimProvider().create(new BimOptions(null, null, null));
        assertEquals(IterativeLinfAttack.Settings.basic(0.3f, 0.01, 40, false).steps(), bim.settings().steps());
        assertEquals(0.01, bim.settings().stepSize());
        assertEquals(Budget.linf(0.3f), bim.budget());
        IterativeLinfAttack pgd = (IterativeLinfAttack) new PgdProvider().create(new PgdOptions(null, null, null, null));
        assertTrue(pgd.settings().randomStart());
        assertEquals(40, pgd.settings().steps());

        TransferOptions none = new TransferOptions(null, null, null, null, null, null, null, null);
        IterativeLinfAttack.Settings mi = ((IterativeLinfAttack) new MiFgsmProvider().create(none)).settings();
        assertEquals(1.0, mi.decay());
        assertEquals(10, mi.steps());
        assertEquals(0.03, mi.stepSize(), 1e-12);
        assertTrue(((IterativeLinfAttack) new NiFgsmProvider().create(none)).settings().nesterov());
        assertEquals(0.5, ((IterativeLinfAttack) new DiFgsmProvider().create(none)).settings().diversity().probability());
        GaussianSmoothing ti = ((IterativeLinfAttack) new TiFgsmProvider().create(none)).settings().smoothing();
        assertEquals(7, ti.size());
        assertEquals(1.0, ti.sigma(), 1e-12);
    }
}
