package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.transferlab.api.attack.TargetMode;

/**
 * Options of {@code fgsm}.
 *
 * @param eps     the L∞ budget in pixel units of [0,1]; default 0.3
 * @param target  targeted mode: {@code random} or {@code least-likely}, the kernel choosing one target class per
 *                image and the attack stepping down the cross-entropy toward it, x − ε·sign ∇CE(target); absent
 *                (or {@code untargeted}) for the untargeted attack
 */
public record FgsmOptions(@DecimalMin("0") @DecimalMax("1") Double eps, TargetMode target) {

    public double epsOrDefault() {
        return eps == null ? 0.3 : eps;
    }
}
