package org.transferlab.plugins.attacks;

import java.util.SplittableRandom;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;

/**
 * An attack that ascends the source's cross-entropy loss of the attacked labels. Its targeted mode is the same loop
 * given the targets as labels and a model whose loss gradient is negated: ascending −CE(target) descends the
 * cross-entropy toward the target, so every step (x − α·sign ∇ for L∞, −α·∇/‖∇‖ for L2), momentum, look-ahead,
 * projection and clipping follow the descending direction without a second copy of the loop. Negating a float is
 * exact, so the targeted attack is the untargeted one with the gradient's sign flipped, bit for bit.
 */
abstract class CrossEntropyAttack implements Attack {

    private final TargetMode target;

    /** @param target  how the kernel chooses targets; null means untargeted */
    CrossEntropyAttack(TargetMode target) {
        this.target = target == null ? TargetMode.UNTARGETED : target;
    }

    @Override
    public final TargetMode targetMode() {
        return target;
    }

    @Override
    public final float[] perturbToward(SourceModel model, float[] images, int[] targets, SplittableRandom random) {
        return perturb(new DescendingLoss(model), images, targets, random);
    }

    /** The source model with the gradient of the negated cross-entropy as its loss gradient. */
    private static final class DescendingLoss extends ForwardingModel {

        DescendingLoss(SourceModel model) {
            super(model);
        }

        @Override
        public float[] lossGradient(float[] images, int[] labels) {
            float[] gradient = super.lossGradient(images, labels);
            float[] negated = new float[gradient.length];
            for (int i = 0; i < gradient.length; i++) {
                negated[i] = -gradient[i];
            }
            return negated;
        }

        /** A step along sign(−∇) is a step of −α along sign(∇): the same floats, since sign is odd. */
        @Override
        public float[] signedGradientSteps(float[] start, float[] clean, int[] labels, float stepSize, float epsilon,
                                           int steps) {
            return delegate().signedGradientSteps(start, clean, labels, -stepSize, epsilon, steps);
        }
    }
}
