package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.attacks.Fixtures.PIXELS;
import static org.transferlab.plugins.attacks.Fixtures.agreement;
import static org.transferlab.plugins.attacks.Fixtures.randomImages;
import static org.transferlab.plugins.attacks.Fixtures.randomLabels;
import static org.transferlab.plugins.attacks.Fixtures.randomModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;

/** The iterative family against {@link LinearModel}s on 784 pixels, whose gradients are known in closed form. */
class IterativeAttacksTest {

    private static Attack bim(double eps, double step, int steps) {
        return new BimProvider().create(new BimOptions(eps, step, steps, null));
    }

    private static TransferOptions transfer(Double decay, Double diversityProb, Integer kernelSize) {
        return new TransferOptions(0.1, 0.02, 8, decay, null, diversityProb, kernelSize, null, null);
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
        float[] fgsm = new FgsmProvider().create(new FgsmOptions(0.05, null)).perturb(model, clean, labels, null);
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
            Attack pgd = new PgdProvider().create(new PgdOptions(eps, 0.03, 5, null, null));
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
        Attack pgd = new PgdProvider().create(new PgdOptions(0.2, 0.01, 1, true, null));
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
        assertEquals(1.0, agreement(model, clean, labels));
        float[] adversarial = new PgdProvider().create(new PgdOptions(null, null, null, null, null))
                .perturb(model, clean, labels, random);
        assertEquals(0.0, agreement(model, adversarial, labels));
    }

    @Test
    void pgdL2StaysInTheL2BallAndTheImageBox() {
        for (int seed = 0; seed < 30; seed++) {
            SplittableRandom random = new SplittableRandom(100 + seed);
            LinearModel model = randomModel(random, 3);
            float[] clean = randomImages(random, 3);
            int[] labels = randomLabels(random, 3, 3);
            double eps = 0.5 + 2 * random.nextDouble();
            Attack attack = new PgdL2Provider().create(new PgdL2Options(eps, null, 10, null, null));
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
        float[] adversarial = new PgdL2Provider().create(new PgdL2Options(2.0, 0.3, 1, false, null))
                .perturb(model, clean, labels, new SplittableRandom(0));
        assertArrayEquals(expected, adversarial, 1e-6f);
    }

    @Test
    void pgdL2DefaultsToEpsilonTwoAndStepsOfTwoAndAHalfEpsilonOverSteps() {
        PgdL2Attack attack = (PgdL2Attack) new PgdL2Provider().create(new PgdL2Options(null, null, null, null, null));
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

    private static final float ALPHA = 0.04f;
    private static final float EPS = 0.1f;

    /** g ← μ·g + ∇ / mean|∇| per image, computed apart from the attack. */
    private static double[] momentum(double[] previous, float[] gradient, double decay) {
        double[] next = new double[gradient.length];
        for (int n = 0; n < gradient.length / PIXELS; n++) {
            double mean = 0;
            for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                mean += Math.abs(gradient[i]) / PIXELS;
            }
            for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
                next[i] = decay * previous[i] + gradient[i] / mean;
            }
        }
        return next;
    }

    /** clip(x + α·sign(g)) to the ε-ball around the clean image and to [0,1]. */
    private static float[] signStep(float[] x, double[] direction, float[] clean) {
        float[] next = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float moved = x[i] + ALPHA * (float) Math.signum(direction[i]);
            next[i] = Math.min(Math.min(1f, clean[i] + EPS), Math.max(Math.max(0f, clean[i] - EPS), moved));
        }
        return next;
    }

    /** A momentum attack's first step, by hand: g₁ = ∇₁ / mean|∇₁| at the clean image, x₁ = clip(x₀ + α·sign g₁). */
    private record FirstStep(LinearModel model, float[] clean, int[] labels, double[] g1, float[] x1) {

        static FirstStep draw(long seed, double decay) {
            SplittableRandom random = new SplittableRandom(seed);
            LinearModel model = randomModel(random, 4, 0.05);
            float[] clean = randomImages(random, 3);
            int[] labels = randomLabels(random, 3, 4);
            double[] g1 = momentum(new double[clean.length], model.lossGradient(clean, labels), decay);
            return new FirstStep(model, clean, labels, g1, signStep(clean, g1, clean));
        }

        float[] attack(TransferAttackProvider provider, double decay, SourceModel source) {
            return provider.create(new TransferOptions((double) EPS, (double) ALPHA, 2, decay, null, null, null, null,
                    null)).perturb(source, clean, labels, new SplittableRandom(0));
        }
    }

    @Test
    void miFgsmTwoStepsMatchTheHandComputedMomentum() {
        double mu = 0.5;
        FirstStep first = FirstStep.draw(21, mu);
        float[] gradient2 = first.model().lossGradient(first.x1(), first.labels());
        double[] g2 = momentum(first.g1(), gradient2, mu);
        float[] x2 = signStep(first.x1(), g2, first.clean());

        assertArrayEquals(x2, first.attack(new MiFgsmProvider(), mu, first.model()), 1e-7f);
        int turned = 0;
        for (int i = 0; i < g2.length; i++) {
            turned += Math.signum(g2[i]) != Math.signum(gradient2[i]) ? 1 : 0;
        }
        assertTrue(turned > 0, "the momentum overrules the second gradient's sign somewhere, so the test sees μ");
    }

    @Test
    void niFgsmTakesTheGradientAtTheLookAheadPoint() {
        double mu = 0.8;
        FirstStep first = FirstStep.draw(22, mu);
        float[] lookAhead = new float[first.clean().length];
        for (int i = 0; i < lookAhead.length; i++) {
            lookAhead[i] = (float) (first.x1()[i] + ALPHA * mu * first.g1()[i]);
        }
        double[] g2 = momentum(first.g1(), first.model().lossGradient(lookAhead, first.labels()), mu);
        float[] x2 = signStep(first.x1(), g2, first.clean());

        List<float[]> points = new ArrayList<>();
        SourceModel recording = new CountingModel(first.model()) {
            @Override
            public float[] lossGradient(float[] images, int[] batchLabels) {
                points.add(images.clone());
                return super.lossGradient(images, batchLabels);
            }
        };
        float[] adversarial = first.attack(new NiFgsmProvider(), mu, recording);
        assertArrayEquals(first.clean(), points.get(0), 0f, "no momentum yet: the first gradient is at the clean image");
        assertArrayEquals(lookAhead, points.get(1), 1e-6f);
        assertArrayEquals(x2, adversarial, 1e-7f);
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
        TransferOptions combined = new TransferOptions(0.2, null, 6, 1.0, true, 1.0, 5, null, null);
        Attack[] attacks = {
            new PgdProvider().create(new PgdOptions(0.2, 0.05, 6, true, null)),
            new PgdL2Provider().create(new PgdL2Options(1.0, null, 6, true, null)),
            new MiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null, null)),
            new NiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null, null)),
            new DiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null, null)),
            new TiFgsmProvider().create(new TransferOptions(0.2, null, 6, null, null, null, null, null, null)),
            new MiFgsmProvider().create(combined),
        };
        for (Attack attack : attacks) {
            CountingModel counting = new CountingModel(linear);
            float[] adversarial = attack.perturb(counting, clean, labels, new SplittableRandom(2));
            assertEquals(6, counting.lossGradients + counting.logitGradients);
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
        IterativeLinfAttack bim = (IterativeLinfAttack) new BimProvider().create(new BimOptions(null, null, null, null));
        assertEquals(IterativeLinfAttack.Settings.basic(0.3f, 0.01, 40, false).steps(), bim.settings().steps());
        assertEquals(0.01, bim.settings().stepSize());
        assertEquals(Budget.linf(0.3f), bim.budget());
        IterativeLinfAttack pgd = (IterativeLinfAttack) new PgdProvider().create(new PgdOptions(null, null, null, null, null));
        assertTrue(pgd.settings().randomStart());
        assertEquals(40, pgd.settings().steps());

        TransferOptions none = new TransferOptions(null, null, null, null, null, null, null, null, null);
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
