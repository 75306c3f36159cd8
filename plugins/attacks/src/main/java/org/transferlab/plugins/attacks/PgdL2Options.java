package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.transferlab.api.attack.TargetMode;

/**
 * Options of {@code pgd-l2}. The defaults are the usual MNIST L2 setting: ε = 2.0 (pixels in [0,1], so about the L2
 * size of an L∞ 0.07 change of every pixel), 40 steps, and a step of 2.5·ε/steps as in Madry et al.'s robustness
 * library, so that the walk can cross the ball and still come back.
 *
 * @param eps          the L2 budget per image; default 2.0 (at most 28, the diameter of [0,1]^784)
 * @param stepSize     the L2 length of each step; default 2.5·eps/steps
 * @param steps        the number of steps; default 40
 * @param randomStart  start from a uniform point of the L2 ε-ball, clipped to [0,1]; default true
 * @param target       targeted mode: {@code random} or {@code least-likely}, the kernel choosing one target class per
 *                     image and every step descending the cross-entropy toward it, x − α·∇/‖∇‖ of CE(target);
 *                     absent (or {@code untargeted}) for the untargeted attack
 */
public record PgdL2Options(
        @DecimalMin("0") @DecimalMax("28") Double eps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("28") Double stepSize,
        @Min(1) @Max(100000) Integer steps,
        Boolean randomStart,
        TargetMode target) {

    public double epsOrDefault() {
        return eps == null ? 2.0 : eps;
    }

    public int stepsOrDefault() {
        return steps == null ? 40 : steps;
    }

    public double stepSizeOrDefault() {
        return stepSize != null ? stepSize : 2.5 * epsOrDefault() / stepsOrDefault();
    }

    public boolean randomStartOrDefault() {
        return randomStart == null || randomStart;
    }
}
