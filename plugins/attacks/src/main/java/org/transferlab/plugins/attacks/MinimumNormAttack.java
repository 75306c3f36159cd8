package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.Budget;

/**
 * The budget rule of the minimum-norm attacks ({@code cw-l2}, {@code deepfool}): an optional L2 eps. Without it the
 * budget is L2 +∞ (the kernel then checks the image box only) and every adversarial example found counts; with it only
 * examples within eps count, and an image without one comes back clean.
 */
abstract class MinimumNormAttack implements Attack {

    private final Double eps;

    /** @param eps  the L2 budget, or null for none */
    MinimumNormAttack(Double eps) {
        if (eps != null && !(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive, got " + eps);
        }
        this.eps = eps;
    }

    @Override
    public final Budget budget() {
        return new Budget(Budget.Norm.L2, eps == null ? Double.POSITIVE_INFINITY : eps);
    }

    /** Whether an example at squared L2 distance {@code squares} from its clean image counts. */
    final boolean admits(double squares) {
        return eps == null || Math.sqrt(squares) <= eps;
    }
}
