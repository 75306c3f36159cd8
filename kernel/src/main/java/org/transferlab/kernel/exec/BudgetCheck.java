package org.transferlab.kernel.exec;

import org.transferlab.api.attack.Budget;
import org.transferlab.api.data.ImageSet;

/** Verifies, never assumes, that an attack stayed in [0,1] and within its budget. */
final class BudgetCheck {

    /** Float rounding of x + ε·sign(g) may overshoot ε by a few ulps; anything beyond this is a real violation. */
    static final double TOLERANCE = 1e-6;

    private BudgetCheck() {
    }

    static void verify(String attack, Budget budget, float[] clean, float[] adversarial, int firstIndex) {
        if (clean.length != adversarial.length) {
            throw new AttackBudgetException(attack + " returned " + adversarial.length / ImageSet.PIXELS
                    + " images for a batch of " + clean.length / ImageSet.PIXELS);
        }
        int images = clean.length / ImageSet.PIXELS;
        for (int i = 0; i < images; i++) {
            double size = 0;
            for (int p = i * ImageSet.PIXELS; p < (i + 1) * ImageSet.PIXELS; p++) {
                float value = adversarial[p];
                if (!(value >= 0f && value <= 1f)) {
                    throw new AttackBudgetException(attack + " produced pixel value " + value + " outside [0,1] in image "
                            + (firstIndex + i));
                }
                double difference = Math.abs(value - clean[p]);
                size = budget.norm() == Budget.Norm.LINF ? Math.max(size, difference) : size + difference * difference;
            }
            if (budget.norm() == Budget.Norm.L2) {
                size = Math.sqrt(size);
            }
            if (size > budget.epsilon() + TOLERANCE) {
                throw new AttackBudgetException(attack + " exceeded its " + budget.norm() + " budget " + budget.epsilon()
                        + " on image " + (firstIndex + i) + ": the perturbation measures " + size
                        + "; this is a bug in the attack plugin");
            }
        }
    }

    static final class AttackBudgetException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttackBudgetException(String message) {
            super(message);
        }
    }
}
