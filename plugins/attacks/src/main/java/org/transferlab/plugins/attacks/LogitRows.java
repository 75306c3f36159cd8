package org.transferlab.plugins.attacks;

import org.transferlab.api.data.ImageSet;

/** Reading a batch's logits, {@code count × classes} row-major, and picking images out of a batch. */
final class LogitRows {

    private LogitRows() {
    }

    /** The class with the largest logit in row {@code row}, the first on ties, as the kernel predicts. */
    static int best(float[] logits, int row, int classes) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (logits[row * classes + k] > logits[row * classes + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The class with the largest logit in row {@code row} other than {@code excluded}, the first on ties. */
    static int bestOther(float[] logits, int row, int classes, int excluded) {
        int best = excluded == 0 ? 1 : 0;
        for (int k = best + 1; k < classes; k++) {
            if (k != excluded && logits[row * classes + k] > logits[row * classes + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The images {@code rows[0 … count)} of {@code images}, in that order. */
    static float[] images(float[] images, int[] rows, int count) {
        int pixels = ImageSet.PIXELS;
        float[] picked = new float[count * pixels];
        for (int r = 0; r < count; r++) {
            System.arraycopy(images, rows[r] * pixels, picked, r * pixels, pixels);
        }
        return picked;
    }
}
