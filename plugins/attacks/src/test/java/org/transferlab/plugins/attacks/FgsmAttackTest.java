package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;

class FgsmAttackTest {

    /** Two classes over three pixels: class 1 is favoured by pixel 0 and disfavoured by pixel 1; pixel 2 is ignored. */
    private final LinearModel model = new LinearModel(new float[][] {{0, 0, 0}, {2, -1, 0}}, new float[] {0, 0});

    private static Attack fgsm(double eps) {
        return new FgsmProvider().create(new FgsmOptions(eps, null));
    }

    @Test
    void stepsEpsilonAlongTheSignOfTheClosedFormGradient() {
        // For label 1 the gradient is (p1 - 1) * (2, -1, 0) + p0 * (0, 0, 0) = negative * (2, -1, 0): signs (-, +, 0).
        float[] clean = {0.5f, 0.5f, 0.5f};
        float[] adversarial = fgsm(0.1).perturb(model, clean, new int[] {1}, new SplittableRandom(0));
        assertArrayEquals(new float[] {0.4f, 0.6f, 0.5f}, adversarial, 1e-7f);
    }

    @Test
    void clipsToTheImageBox() {
        float[] clean = {0.05f, 0.98f, 0.0f};
        float[] adversarial = fgsm(0.3).perturb(model, clean, new int[] {1}, new SplittableRandom(0));
        assertArrayEquals(new float[] {0.0f, 1.0f, 0.0f}, adversarial, 0f);
    }

    @Test
    void raisesTheLossOfTheAttackedLabel() {
        float[] clean = {0.7f, 0.2f, 0.4f};
        float[] adversarial = fgsm(0.2).perturb(model, clean, new int[] {1}, new SplittableRandom(0));
        float[] before = model.logits(clean, 1);
        float[] after = model.logits(adversarial, 1);
        assertTrue(after[1] - after[0] < before[1] - before[0], "the margin of class 1 shrinks");
    }

    @Test
    void neverLeavesTheEpsilonBall() {
        SplittableRandom random = new SplittableRandom(42);
        float[] clean = new float[3 * 50];
        int[] labels = new int[50];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(2);
        }
        float[] adversarial = fgsm(0.15).perturb(model, clean, labels, random);
        for (int i = 0; i < clean.length; i++) {
            assertTrue(Math.abs(adversarial[i] - clean[i]) <= 0.15f + 1e-7f);
            assertTrue(adversarial[i] >= 0 && adversarial[i] <= 1);
        }
    }

    @Test
    void declaresAnLinfBudgetOfEpsilonAndDefaultsToPointThree() {
        assertEquals(Budget.linf((float) 0.25), fgsm(0.25).budget());
        assertEquals(Budget.linf((float) 0.3), new FgsmProvider().create(new FgsmOptions(null, null)).budget());
    }
}
