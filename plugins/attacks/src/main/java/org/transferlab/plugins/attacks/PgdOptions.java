package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.transferlab.api.attack.TargetMode;

/**
 * Options of {@code pgd} (L∞), the defaults of Madry et al.'s MNIST challenge.
 *
 * @param eps          the L∞ budget in pixel units of [0,1]; default 0.3
 * @param stepSize     the L∞ size of each step; default 0.01
 * @param steps        the number of steps; default 40
 * @param randomStart  start from a uniform point of the ε-ball, clipped to [0,1]; default true
 * @param target       targeted mode: {@code random} or {@code least-likely}, the kernel choosing one target class per
 *                     image and every step descending the cross-entropy toward it, x − α·sign ∇CE(target); absent
 *                     (or {@code untargeted}) for the untargeted attack
 */
public record PgdOptions(
        @DecimalMin("0") @DecimalMax("1") Double eps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double stepSize,
        @Min(1) @Max(100000) Integer steps,
        Boolean randomStart,
        TargetMode target) {

    public double epsOrDefault() {
        return eps == null ? 0.3 : eps;
    }

    public double stepSizeOrDefault() {
        return stepSize == null ? 0.01 : stepSize;
    }

    public int stepsOrDefault() {
        return steps == null ? 40 : steps;
    }

    public boolean randomStartOrDefault() {
        return randomStart == null || randomStart;
    }
}
