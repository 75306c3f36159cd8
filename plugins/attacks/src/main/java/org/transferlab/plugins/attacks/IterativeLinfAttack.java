package org.transferlab.plugins.attacks;

import java.util.SplittableRandom;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.api.data.ImageSet;

/**
 * The iterative L∞ sign-gradient family, with each transfer-enhancing component optional, so that BIM, PGD, MI-, NI-,
 * DI- and TI-FGSM and their combinations are configurations of one loop. One step, for the whole batch at once:
 *
 * <ol>
 *   <li>the point the gradient is taken at: the iterate x, or with Nesterov x + α·μ·g (NI-FGSM);</li>
 *   <li>the loss gradient there, through a random input-diversity transform when one is configured (DI-FGSM);</li>
 *   <li>that gradient smoothed by a Gaussian kernel when one is configured (TI-FGSM);</li>
 *   <li>with momentum, g ← μ·g + ∇ / mean|∇| per image and the direction is g (MI-FGSM); otherwise the direction is ∇;</li>
 *   <li>x ← clip(x + α·sign(direction)) to the ε-ball around the clean image and to [0,1].</li>
 * </ol>
 *
 * <p>Targeted, ∇ is the gradient of −CE(target) (see {@link CrossEntropyAttack}), so the steps, the momentum and the
 * look-ahead all follow the direction that descends the target's cross-entropy.
 *
 * <p>Momentum normalises by the mean absolute value, as the MI- and NI-FGSM reference implementations do, rather than
 * the ‖∇‖₁ of the papers' formulas: the two differ by the constant pixel count, which leaves every sign (so plain
 * MI-FGSM) unchanged, but only the mean gives NI-FGSM's look-ahead α·μ·g the size its authors used.
 */
final class IterativeLinfAttack extends CrossEntropyAttack {

    /**
     * @param decay       momentum decay μ, or null for no momentum (plain signed gradient)
     * @param nesterov    take the gradient at the look-ahead x + α·μ·g; needs momentum
     * @param diversity   the input-diversity transform, or null
     * @param smoothing   the gradient-smoothing kernel, or null
     */
    record Settings(double epsilon, double stepSize, int steps, boolean randomStart, Double decay, boolean nesterov,
            InputDiversity diversity, GaussianSmoothing smoothing) {

        Settings {
            if (!(epsilon >= 0) || !(stepSize >= 0) || steps < 1) {
                throw new IllegalArgumentException(
                        "need eps >= 0, step size >= 0 and steps >= 1, got " + epsilon + ", " + stepSize + ", " + steps);
            }
            if (decay != null && !(decay >= 0)) {
                throw new IllegalArgumentException("momentum decay must be non-negative, got " + decay);
            }
            if (nesterov && decay == null) {
                throw new IllegalArgumentException("Nesterov look-ahead needs momentum");
            }
        }

        static Settings basic(double epsilon, double stepSize, int steps, boolean randomStart) {
            return new Settings(epsilon, stepSize, steps, randomStart, null, false, null, null);
        }

        Settings withMomentum(double newDecay, boolean withNesterov) {
            return new Settings(epsilon, stepSize, steps, randomStart, newDecay, withNesterov, diversity, smoothing);
        }

        Settings withDiversity(InputDiversity newDiversity) {
            return new Settings(epsilon, stepSize, steps, randomStart, decay, nesterov, newDiversity, smoothing);
        }

        Settings withSmoothing(GaussianSmoothing newSmoothing) {
            return new Settings(epsilon, stepSize, steps, randomStart, decay, nesterov, diversity, newSmoothing);
        }
    }

    private final Settings settings;
    private final float epsilon;
    private final float stepSize;

    IterativeLinfAttack(Settings settings, TargetMode target) {
        super(target);
        this.settings = settings;
        this.epsilon = (float) settings.epsilon();
        this.stepSize = (float) settings.stepSize();
    }

    Settings settings() {
        return settings;
    }

    @Override
    public Budget budget() {
        return Budget.linf(epsilon);
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        if (images.length != labels.length * ImageSet.PIXELS) {
            throw new IllegalArgumentException(
                    images.length + " pixel values for " + labels.length + " labels of " + ImageSet.PIXELS + " pixels");
        }
        float[] adversarial = images.clone();
        if (settings.randomStart()) {
            for (int i = 0; i < adversarial.length; i++) {
                adversarial[i] += (float) ((2 * random.nextDouble() - 1) * epsilon);
            }
            LinfStep.project(adversarial, images, epsilon);
        }
        if (settings.decay() == null && settings.diversity() == null && settings.smoothing() == null) {
            return model.signedGradientSteps(adversarial, images, labels, stepSize, epsilon, settings.steps());
        }
        // Double precision keeps ∇ / mean|∇| from flushing a tiny component to zero, so that μ = 0 is exactly BIM.
        double[] momentum = settings.decay() != null ? new double[images.length] : null;
        for (int step = 0; step < settings.steps(); step++) {
            float[] at = settings.nesterov() ? lookAhead(adversarial, momentum) : adversarial;
            float[] gradient = settings.diversity() != null
                    ? settings.diversity().gradient(model, at, labels, random)
                    : model.lossGradient(at, labels);
            if (settings.smoothing() != null) {
                gradient = settings.smoothing().apply(gradient);
            }
            if (momentum != null) {
                accumulate(momentum, gradient, settings.decay());
                LinfStep.ascend(adversarial, momentum, stepSize);
            } else {
                LinfStep.ascend(adversarial, gradient, stepSize);
            }
            LinfStep.project(adversarial, images, epsilon);
        }
        return adversarial;
    }

    private float[] lookAhead(float[] adversarial, double[] momentum) {
        float[] at = new float[adversarial.length];
        double scale = settings.stepSize() * settings.decay();
        for (int i = 0; i < at.length; i++) {
            at[i] = (float) (adversarial[i] + scale * momentum[i]);
        }
        return at;
    }

    /** g ← μ·g + ∇ / mean|∇|, per image; an image whose gradient vanishes only decays its momentum. */
    static void accumulate(double[] momentum, float[] gradient, double decay) {
        int pixels = ImageSet.PIXELS;
        for (int offset = 0; offset < gradient.length; offset += pixels) {
            double sum = 0;
            for (int i = offset; i < offset + pixels; i++) {
                sum += Math.abs(gradient[i]);
            }
            double mean = sum / pixels;
            for (int i = offset; i < offset + pixels; i++) {
                momentum[i] = decay * momentum[i] + (mean > 0 ? gradient[i] / mean : 0);
            }
        }
    }
}
