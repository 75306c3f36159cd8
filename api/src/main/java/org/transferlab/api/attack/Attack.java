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
}
