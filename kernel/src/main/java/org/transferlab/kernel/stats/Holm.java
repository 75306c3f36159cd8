package org.transferlab.kernel.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment for m simultaneous tests, which controls the family-wise error rate without assumptions
 * about their dependence. With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted, the adjusted value of p₍ᵢ₎ is max over j ≤ i of
 * min(1, (m − j + 1)·p₍ⱼ₎): rejecting where it is below α is Holm's procedure.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("not a p-value: " + v);
            }
        }
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
