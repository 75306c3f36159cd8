package org.example.transferlab.randomsign;

import java.util.SplittableRandom;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;

/**
 * Adds ±ε to every pixel with a random sign, ignoring the source model. The control condition of a transfer study: a
 * gradient attack that transfers no better than this noise has learned nothing about the target.
 */
final class RandomSignAttack implements Attack {

    private final float epsilon;

    RandomSignAttack(double epsilon) {
        this.epsilon = (float) epsilon;
    }

    @Override
    public Budget budget() {
        return Budget.linf(epsilon);
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        float[] adversarial = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            float step = random.nextBoolean() ? epsilon : -epsilon;
            adversarial[i] = Math.min(1f, Math.max(0f, images[i] + step));
        }
        return adversarial;
    }
}
