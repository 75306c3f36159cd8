package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Budget;

/**
 * The budget rule of the minimum-norm attacks ({@code cw-l2}, {@code deepfool}): an optional L2 eps. Without it the
 * budget is L2 +∞ (the kernel then checks the image box only) and every adversarial example found counts; with it only
 * examples within eps count, and an image without one comes back clean.
 */
final class MinimumNorm {

    private MinimumNorm() {
    }

    static Budget budget(Double eps) {
        return new Budget(Budget.Norm.L2, eps == null ? Double.POSITIVE_INFINITY : eps);
    }

    /** Whether an example at squared L2 distance {@code squares} from its clean image counts under {@code eps}. */
    static boolean admits(Double eps, double squares) {
        return eps == null || Math.sqrt(squares) <= eps;
    }
}
