package org.transferlab.plugins.attacks;

import java.util.SplittableRandom;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;

/** Fast gradient sign method (Goodfellow et al. 2015): one step of size ε along the sign of the loss gradient. */
final class FgsmAttack extends CrossEntropyAttack {

    private final float epsilon;

    FgsmAttack(double epsilon, TargetMode target) {
        super(target);
        this.epsilon = (float) epsilon;
    }

    @Override
    public Budget budget() {
        return Budget.linf(epsilon);
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        float[] gradient = model.lossGradient(images, labels);
        float[] adversarial = images.clone();
        LinfStep.ascend(adversarial, gradient, epsilon);
        LinfStep.project(adversarial, images, epsilon);
        return adversarial;
    }
}
