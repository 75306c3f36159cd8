package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.attacks.Fixtures.PIXELS;
import static org.transferlab.plugins.attacks.Fixtures.agreement;
import static org.transferlab.plugins.attacks.Fixtures.randomImages;
import static org.transferlab.plugins.attacks.Fixtures.randomModel;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.TargetMode;

/** Targeted modes of the cross-entropy attacks, against {@link LinearModel}s whose gradients are known in closed form. */
class TargetedAttacksTest {

    @Test
    void targetedFgsmStepsDownTheClosedFormGradientOfTheTargetsCrossEntropy() {
        SplittableRandom random = new SplittableRandom(31);
        LinearModel model = randomModel(random, 5, 0.1);
        int count = 4;
        float[] clean = randomImages(random, count);
        int[] targets = {1, 4, 0, 2};
        float eps = 0.2f;
        float[] logits = model.logits(clean, count);
        float[] expected = new float[clean.length];
        for (int n = 0; n < count; n++) {
            // ∂CE(t)/∂x = Wᵀ (softmax(z) − e_t), with W recovered from the model as the gradients of single logits.
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 5; k++) {
                max = Math.max(max, logits[n * 5 + k]);
            }
            double[] p = new double[5];
            double total = 0;
            for (int k = 0; k < 5; k++) {
                p[k] = Math.exp(logits[n * 5 + k] - max);
                total += p[k];
            }
            double[] gradient = new double[PIXELS];
            for (int k = 0; k < 5; k++) {
                float[] unit = new float[5];
                unit[k] = 1;
                float[] row = model.logitGradient(new float[PIXELS], unit);
                for (int i = 0; i < PIXELS; i++) {
                    gradient[i] += (p[k] / total - (k == targets[n] ? 1 : 0)) * row[i];
                }
            }
            for (int i = 0; i < PIXELS; i++) {
                float x = clean[n * PIXELS + i];
                expected[n * PIXELS + i] = Math.min(1f, Math.max(0f, x - eps * (float) Math.signum(gradient[i])));
            }
        }
        Attack fgsm = new FgsmProvider().create(new FgsmOptions((double) eps, TargetMode.RANDOM));
        assertArrayEquals(expected, fgsm.perturbToward(model, clean, targets, new SplittableRandom(0)), 1e-7f);
    }

    @Test
    void targetedIterativeAttacksReachTheirTargetOnAnEasyLinearModel() {
        Fixtures.Problem problem = Fixtures.Problem.draw(32, 6, 40);
        LinearModel model = problem.model();
        float[] clean = problem.clean();
        int[] targets = problem.otherClasses(new SplittableRandom(1));
        assertEquals(0.0, agreement(model, clean, targets));
        TransferOptions family = new TransferOptions(0.3, 0.03, 20, null, null, null, null, null, TargetMode.RANDOM);
        TransferOptions combined = new TransferOptions(0.3, 0.03, 20, 1.0, true, 0.5, 5, null, TargetMode.RANDOM);
        Map<String, Attack> attacks = Map.of(
                "bim", new BimProvider().create(new BimOptions(0.3, 0.03, 20, TargetMode.RANDOM)),
                "pgd", new PgdProvider().create(new PgdOptions(0.3, 0.03, 20, true, TargetMode.RANDOM)),
                "pgd-l2", new PgdL2Provider().create(new PgdL2Options(8.0, null, 20, true, TargetMode.RANDOM)),
                "mi-fgsm", new MiFgsmProvider().create(family),
                "ni-fgsm", new NiFgsmProvider().create(family),
                "di-fgsm", new DiFgsmProvider().create(family),
                "ti-fgsm", new TiFgsmProvider().create(family),
                "mi-ni-di-ti-fgsm", new MiFgsmProvider().create(combined));
        attacks.forEach((name, attack) -> {
            float[] adversarial = attack.perturbToward(model, clean, targets, new SplittableRandom(3));
            assertTrue(agreement(model, adversarial, targets) >= 0.95,
                    name + " hits " + agreement(model, adversarial, targets) + " of its targets");
        });
    }

    @Test
    void theTargetedStepIsTheUntargetedStepMirrored() {
        SplittableRandom random = new SplittableRandom(33);
        LinearModel model = randomModel(random, 3);
        float[] clean = randomImages(random, 2, 0.3, 0.7);
        int[] classes = {2, 0};
        Attack pgdL2 = new PgdL2Provider().create(new PgdL2Options(2.0, 0.5, 1, false, TargetMode.LEAST_LIKELY));
        float[] away = pgdL2.perturb(model, clean, classes, new SplittableRandom(0));
        float[] toward = pgdL2.perturbToward(model, clean, classes, new SplittableRandom(0));
        for (int i = 0; i < clean.length; i++) {
            assertEquals(away[i] - clean[i], clean[i] - toward[i], 1e-6f, "pixel " + i);
        }
    }

    @Test
    void targetModeIsUntargetedUnlessConfigured() {
        assertEquals(TargetMode.UNTARGETED, new FgsmProvider().create(new FgsmOptions(null, null)).targetMode());
        assertEquals(TargetMode.LEAST_LIKELY,
                new FgsmProvider().create(new FgsmOptions(null, TargetMode.LEAST_LIKELY)).targetMode());
        assertEquals(TargetMode.RANDOM,
                new BimProvider().create(new BimOptions(null, null, null, TargetMode.RANDOM)).targetMode());
        assertEquals(TargetMode.RANDOM,
                new PgdProvider().create(new PgdOptions(null, null, null, null, TargetMode.RANDOM)).targetMode());
        assertEquals(TargetMode.LEAST_LIKELY, new PgdL2Provider()
                .create(new PgdL2Options(null, null, null, null, TargetMode.LEAST_LIKELY)).targetMode());
        assertEquals(TargetMode.RANDOM, new TiFgsmProvider()
                .create(new TransferOptions(null, null, null, null, null, null, null, null, TargetMode.RANDOM))
                .targetMode());
        assertEquals(TargetMode.UNTARGETED, new MiFgsmProvider()
                .create(new TransferOptions(null, null, null, null, null, null, null, null, null)).targetMode());
    }
}
