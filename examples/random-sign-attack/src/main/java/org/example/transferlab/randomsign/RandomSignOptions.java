package org.example.transferlab.randomsign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Options of {@code random-sign}.
 *
 * @param eps  the L∞ budget; default 0.3
 */
public record RandomSignOptions(@DecimalMin("0") @DecimalMax("1") Double eps) {

    public double epsOrDefault() {
        return eps == null ? 0.3 : eps;
    }
}
