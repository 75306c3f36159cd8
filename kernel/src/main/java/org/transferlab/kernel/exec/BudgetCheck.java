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
        String violation = violation(budget, clean, adversarial, firstIndex);
        if (violation != null) {
            throw new AttackBudgetException(attack + " " + violation + "; this is a bug in the attack plugin");
        }
    }

    /**
     * Checks stored adversarial examples as they are read: a file that holds more than its attack may have made was
     * changed after it was written.
     */
    static void verifyStored(Path file, Budget budget, float[] clean, float[] adversarial) {
        String violation = clean.length != adversarial.length
                ? "holds " + adversarial.length / ImageSet.PIXELS + " images for " + clean.length / ImageSet.PIXELS
                : violation(budget, clean, adversarial, 0);
        if (violation != null) {
            throw new AttackBudgetException(file + " " + violation + ", which its attack cannot have made: the file was "
                    + "changed after it was written. Delete " + file.getParent() + " and run again");
        }
    }

    /** What is wrong with the examples, or null when every pixel is in [0,1] and every image within the budget. */
    private static String violation(Budget budget, float[] clean, float[] adversarial, int firstIndex) {
        int images = clean.length / ImageSet.PIXELS;
        for (int i = 0; i < images; i++) {
            double size = 0;
            for (int p = i * ImageSet.PIXELS; p < (i + 1) * ImageSet.PIXELS; p++) {
                float value = adversarial[p];
                if (!(value >= 0f && value <= 1f)) {
                    return "has pixel value " + value + " outside [0,1] in image " + (firstIndex + i);
                }
                double difference = Math.abs(value - clean[p]);
                size = budget.norm() == Budget.Norm.LINF ? Math.max(size, difference) : size + difference * difference;
            }
            if (budget.norm() == Budget.Norm.L2) {
                size = Math.sqrt(size);
            }
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
