package org.transferlab.api.attack;

import java.util.Objects;

/**
 * The largest perturbation an attack may make, measured per image.
 *
 * @param norm     the norm that measures x′ − x
 * @param epsilon  its largest allowed value
 */
public record Budget(Norm norm, double epsilon) {

    public enum Norm { LINF, L2 }

    public Budget {
        Objects.requireNonNull(norm, "norm is null");
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be non-negative, got " + epsilon);
        }
    }

    public static Budget linf(double epsilon) {
        return new Budget(Norm.LINF, epsilon);
    }
}
