package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Options of {@code deepfool}, the defaults of the authors' reference implementation. DeepFool is untargeted only: it
 * walks to the nearest decision boundary, whichever class lies beyond it.
 *
 * @param eps         the L2 budget per image, optional: when set, only examples within eps count as found and the
 *                    budget is L2 eps; when absent the attack is unbounded (an L2 budget of +∞). Images with no example
 *                    found (not fooled within max_iter, or beyond eps) come back clean.
 * @param overshoot   the accumulated step is scaled by 1 + overshoot, so that the example lands just beyond the
 *                    linearised boundary rather than on it; default 0.02
 * @param maxIter     the most linearisation steps per image; default 50
 * @param candidates  the classes considered: the attacked class and the candidates − 1 classes with the next largest
 *                    clean logits (all classes when the model has fewer); default 10
 */
public record DeepFoolOptions(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("28") Double eps,
        @DecimalMin("0") @DecimalMax("10") Double overshoot,
        @Min(1) @Max(10000) Integer maxIter,
        @Min(2) @Max(100000) Integer candidates) {

    DeepFoolAttack.Settings settings() {
        return new DeepFoolAttack.Settings(
                eps,
                overshoot == null ? 0.02 : overshoot,
                maxIter == null ? 50 : maxIter,
                candidates == null ? 10 : candidates);
    }
}
