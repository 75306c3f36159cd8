package org.transferlab.api.attack;

import java.util.SplittableRandom;

/** A configured attack. Images are flat float arrays in [0,1], {@code ImageSet.PIXELS} values per image. */
public interface Attack {

    /**
     * The perturbation budget. The kernel checks every batch against it; exceeding it is reported as a bug in the attack,
     * never clipped silently.
     */
    Budget budget();

    /**
     * Returns adversarial versions of {@code images} (same layout, values in [0,1]), crafted to make {@code model}
     * misclassify them away from {@code labels}.
     *
     * @param random  the only source of randomness the attack may use, so that a seed reproduces the examples
     */
    float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random);

    /**
     * Whether this configured attack is targeted, and how its targets are chosen. The kernel chooses the targets (so that
     * they are recorded and seeded the same way for every attack) and then calls {@link #perturbToward} instead of
     * {@link #perturb}.
     *
     * @since 1.3
     */
    default TargetMode targetMode() {
        return TargetMode.UNTARGETED;
    }

    /**
     * Returns adversarial versions of {@code images} crafted to make {@code model} predict {@code targets}. Called only
     * when {@link #targetMode()} is not {@link TargetMode#UNTARGETED}.
     *
     * @since 1.3
     */
    default float[] perturbToward(SourceModel model, float[] images, int[] targets, SplittableRandom random) {
        throw new UnsupportedOperationException(getClass().getName() + " has no targeted mode");
    }
}
