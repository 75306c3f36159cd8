package org.transferlab.plugins.metrics;

/**
 * The 2×2 table of two paired binary outcomes A and B over the same images: {@code both} succeeded, {@code onlyA}
 * (b in McNemar's notation), {@code onlyB} (c) and {@code neither}.
 */
public record PairedCounts(long both, long onlyA, long onlyB, long neither) {

    public PairedCounts {
        if (both < 0 || onlyA < 0 || onlyB < 0 || neither < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The number of pairs counted. */
    public long n() {
        return both + onlyA + onlyB + neither;
    }

    /** The difference of success rates, (b − c)/n; NaN when nothing was counted. */
    public double difference() {
        long n = n();
        return n == 0 ? Double.NaN : (double) (onlyA - onlyB) / n;
    }

    /**
     * Tallies two outcomes over the same images, counting only images where {@code counted} is true ({@code null}
     * counts every image).
     */
    public static PairedCounts of(boolean[] a, boolean[] b, boolean[] counted) {
        if (a.length != b.length || (counted != null && counted.length != a.length)) {
            throw new IllegalArgumentException("outcomes and mask must cover the same images: " + a.length + ", "
                    + b.length + (counted == null ? "" : ", " + counted.length));
        }
        long both = 0;
        long onlyA = 0;
        long onlyB = 0;
        long neither = 0;
        for (int i = 0; i < a.length; i++) {
            if (counted != null && !counted[i]) {
                continue;
            }
            if (a[i] && b[i]) {
                both++;
            } else if (a[i]) {
                onlyA++;
            } else if (b[i]) {
                onlyB++;
            } else {
                neither++;
            }
        }
        return new PairedCounts(both, onlyA, onlyB, neither);
    }

    /**
     * Transfer success of two sources on one target (SPEC §6): an image counts when the target classified it correctly,
     * t(x) = y, and transfers from a source when the target gets that source's adversarial image wrong, t(x′) ≠ y.
     */
    public static PairedCounts ofTransfer(int[] labels, int[] targetClean, int[] targetAdversarialA,
            int[] targetAdversarialB) {
        return of(transferred(labels, targetAdversarialA), transferred(labels, targetAdversarialB),
                targetCorrect(labels, targetClean));
    }

    /** Per image, whether the target classified the clean image correctly: the only images transfer success counts. */
    public static boolean[] targetCorrect(int[] labels, int[] targetClean) {
        requireSameLength(labels, targetClean);
        boolean[] correct = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            correct[i] = targetClean[i] == labels[i];
        }
        return correct;
    }

    /** Per image, whether the target got the adversarial image wrong. */
    public static boolean[] transferred(int[] labels, int[] targetAdversarial) {
        requireSameLength(labels, targetAdversarial);
        boolean[] fooled = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            fooled[i] = targetAdversarial[i] != labels[i];
        }
        return fooled;
    }

    private static void requireSameLength(int[] labels, int[] predictions) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(
                    "predictions cover " + predictions.length + " images, labels " + labels.length);
        }
    }
}
