package org.transferlab.plugins.attacks;

import java.util.SplittableRandom;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.api.data.ImageSet;

/**
 * Projected gradient descent in L2 (Madry et al. 2018): each step moves α along the gradient normalised to unit L2
 * length per image, then projects the perturbation onto the ε-ball and clips to [0,1]. The random start is uniform in
 * the L2 ball (a Gaussian direction with radius ε·u^(1/n)), clipped to [0,1].
 */
final class PgdL2Attack extends CrossEntropyAttack {

    private final double epsilon;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;

    PgdL2Attack(double epsilon, double stepSize, int steps, boolean randomStart, TargetMode target) {
        super(target);
        if (!(epsilon >= 0) || !(stepSize >= 0) || steps < 1) {
            throw new IllegalArgumentException(
                    "need eps >= 0, step size >= 0 and steps >= 1, got " + epsilon + ", " + stepSize + ", " + steps);
        }
        this.epsilon = epsilon;
        this.stepSize = stepSize;
        this.steps = steps;
        this.randomStart = randomStart;
    }

    double stepSize() {
        return stepSize;
    }

    int steps() {
        return steps;
    }

    boolean randomStart() {
        return randomStart;
    }

    @Override
    public Budget budget() {
        return new Budget(Budget.Norm.L2, epsilon);
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        int pixels = ImageSet.PIXELS;
        if (images.length != labels.length * pixels) {
            throw new IllegalArgumentException(
                    images.length + " pixel values for " + labels.length + " labels of " + pixels + " pixels");
        }
        float[] adversarial = images.clone();
        if (randomStart) {
            double[] direction = new double[pixels];
            for (int offset = 0; offset < images.length; offset += pixels) {
                double squares = 0;
                for (int i = 0; i < pixels; i++) {
                    direction[i] = random.nextGaussian();
                    squares += direction[i] * direction[i];
                }
                double scale = epsilon * Math.pow(random.nextDouble(), 1.0 / pixels) / Math.sqrt(squares);
                for (int i = 0; i < pixels; i++) {
                    adversarial[offset + i] += (float) (scale * direction[i]);
                }
            }
            project(adversarial, images, epsilon);
        }
        for (int step = 0; step < steps; step++) {
            float[] gradient = model.lossGradient(adversarial, labels);
            for (int offset = 0; offset < images.length; offset += pixels) {
                double norm = Math.sqrt(squaredNorm(gradient, null, offset));
                if (norm > 0) {
                    double scale = stepSize / norm;
                    for (int i = offset; i < offset + pixels; i++) {
                        adversarial[i] += (float) (scale * gradient[i]);
                    }
                }
            }
            project(adversarial, images, epsilon);
        }
        return adversarial;
    }

    /**
     * Clips to [0,1] and projects each image's perturbation onto the L2 ball of radius ε, in place. Clipping only shrinks
     * the perturbation and scaling towards the clean image stays in the box, so the result is in both; the norm is
     * measured again on the float values because rounding of clean + s·δ can overshoot ε by a few ulps.
     */
    static void project(float[] adversarial, float[] clean, double epsilon) {
        int pixels = ImageSet.PIXELS;
        for (int i = 0; i < adversarial.length; i++) {
            adversarial[i] = Math.min(1f, Math.max(0f, adversarial[i]));
        }
        for (int offset = 0; offset < adversarial.length; offset += pixels) {
            double norm = Math.sqrt(squaredNorm(adversarial, clean, offset));
            for (int attempt = 0; norm > epsilon; attempt++) {
                double scale = epsilon / norm * (1 - 1e-7 * (1 << Math.min(attempt, 20)));
                for (int i = offset; i < offset + pixels; i++) {
                    adversarial[i] = (float) (clean[i] + scale * (adversarial[i] - clean[i]));
                }
                norm = Math.sqrt(squaredNorm(adversarial, clean, offset));
            }
        }
    }

    /** ‖a − b‖² over one image (the difference taken in float, as the kernel measures it), or ‖a‖² when b is null. */
    static double squaredNorm(float[] a, float[] b, int offset) {
        double sum = 0;
        for (int i = offset; i < offset + ImageSet.PIXELS; i++) {
            double d = b == null ? a[i] : a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
