package org.transferlab.plugins.attacks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Options of {@code fgsm}.
 *
 * @param eps  the L∞ budget in pixel units of [0,1]; default 0.3
 */
public record FgsmOptions(@DecimalMin("0") @DecimalMax("1") Double eps) {

    public double epsOrDefault() {
        return eps == null ? 0.3 : eps;
    }
}
