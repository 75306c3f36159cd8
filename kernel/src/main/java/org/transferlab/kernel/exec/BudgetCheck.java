package org.transferlab.kernel.exec;

import java.nio.file.Path;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.data.ImageSet;

/** Verifies, never assumes, that an attack stayed in [0,1] and within its budget. */
final class BudgetCheck {

    /** Float rounding of x + ε·sign(g) may overshoot ε by a few ulps; anything beyond this is a real violation. */
    static final double TOLERANCE = 1e-6;

    private BudgetCheck() {
    }

    /** Checks a batch an attack just returned; a violation is a bug in the attack plugin. */
    static void verify(String attack, Budget budget, float[] clean, float[] adversarial, int firstIndex) {
        if (clean.length != adversarial.length) {
            throw new AttackBudgetException(attack + " returned " + adversarial.length / ImageSet.PIXELS
                    + " images for a batch of " + clean.length / ImageSet.PIXELS);
        }
        String violation = violation(budget, adversarial, sizes(clean, adversarial), firstIndex);
        if (violation != null) {
            throw new AttackBudgetException(attack + " " + violation + "; this is a bug in the attack plugin");
        }
    }

    /**
     * Checks stored adversarial examples as they are read: a file that holds more than its attack may have made was
     * changed after it was written. Returns the perturbation sizes it measured, so that the evaluation need not
     * measure them again.
     */
    static PerturbationSizes verifyStored(Path file, Budget budget, float[] clean, float[] adversarial) {
        PerturbationSizes sizes = clean.length == adversarial.length ? sizes(clean, adversarial) : null;
        String violation = sizes == null
                ? "holds " + adversarial.length / ImageSet.PIXELS + " images for " + clean.length / ImageSet.PIXELS
                : violation(budget, adversarial, sizes, 0);
        if (violation != null) {
            throw new AttackBudgetException(file + " " + violation + ", which its attack cannot have made: the file was "
                    + "changed after it was written. Delete " + file.getParent() + " and run again");
        }
        return sizes;
    }

    private static PerturbationSizes sizes(float[] clean, float[] adversarial) {
        return PerturbationSizes.of(clean, adversarial, clean.length / ImageSet.PIXELS);
    }

    /** What is wrong with the examples, or null when every pixel is in [0,1] and every image within the budget. */
    private static String violation(Budget budget, float[] adversarial, PerturbationSizes sizes, int firstIndex) {
        for (int i = 0; i < sizes.linf().length; i++) {
            for (int p = i * ImageSet.PIXELS; p < (i + 1) * ImageSet.PIXELS; p++) {
                float value = adversarial[p];
                if (!(value >= 0f && value <= 1f)) {
                    return "has pixel value " + value + " outside [0,1] in image " + (firstIndex + i);
                }
            }
            double size = budget.norm() == Budget.Norm.LINF ? sizes.linf()[i] : sizes.l2()[i];
            if (size > budget.epsilon() + TOLERANCE) {
                return "exceeds its " + budget.norm() + " budget " + budget.epsilon() + " on image " + (firstIndex + i)
                        + ": the perturbation measures " + size;
            }
        }
        return null;
    }

    static final class AttackBudgetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttackBudgetException(String message) {
            super(message);
        }
    }
}
