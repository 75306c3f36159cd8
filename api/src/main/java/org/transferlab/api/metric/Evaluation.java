package org.transferlab.api.metric;

import java.util.Objects;

/**
 * Everything measured for one target model on one set of adversarial examples from one source, one entry per image.
 *
 * @param labels             the true labels y
 * @param attackLabels       the labels the attack moved away from (true labels or the source's clean predictions)
 * @param targetClean        the target's predictions t(x)
 * @param targetAdversarial  the target's predictions t(x′)
 * @param sourceClean        the source's predictions s(x)
 * @param sourceAdversarial  the source's predictions s(x′)
 * @param linf               the L∞ norm of x′ − x
 * @param l2                 the L2 norm of x′ − x
 * @param l0                 the number of pixels that changed
 * @param attackTargets      the classes a targeted attack aimed for; {@code null} for an untargeted attack (since 1.3)
 * @param sourceSharesClasses whether the source was trained on the attacked images' classes (same class names, same
 *                           order), so that its predictions can be scored against the labels (since 1.3)
 */
public record Evaluation(
        int[] labels,
        int[] attackLabels,
        int[] targetClean,
        int[] targetAdversarial,
        int[] sourceClean,
        int[] sourceAdversarial,
        float[] linf,
        float[] l2,
        int[] l0,
        int[] attackTargets,
        boolean sourceSharesClasses) {

    public Evaluation {
        int n = Objects.requireNonNull(labels, "labels is null").length;
        for (Object array : new Object[] {attackLabels, targetClean, targetAdversarial, sourceClean, sourceAdversarial}) {
            if (((int[]) Objects.requireNonNull(array, "predictions are null")).length != n) {
                throw new IllegalArgumentException("every prediction array must have " + n + " entries");
            }
        }
        if (linf.length != n || l2.length != n || l0.length != n) {
            throw new IllegalArgumentException("every perturbation array must have " + n + " entries");
        }
        if (attackTargets != null && attackTargets.length != n) {
            throw new IllegalArgumentException("attack targets must have " + n + " entries");
        }
    }

    /** An untargeted attack's evaluation, by a source trained on other classes. */
    public Evaluation(int[] labels, int[] attackLabels, int[] targetClean, int[] targetAdversarial, int[] sourceClean,
            int[] sourceAdversarial, float[] linf, float[] l2, int[] l0) {
        this(labels, attackLabels, targetClean, targetAdversarial, sourceClean, sourceAdversarial, linf, l2, l0, null,
                false);
    }

    public boolean targeted() {
        return attackTargets != null;
    }

    public int size() {
        return labels.length;
    }
}
