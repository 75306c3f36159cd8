package org.transferlab.kernel.exec;

import org.transferlab.api.data.ImageSet;

/**
 * The size of x′ − x per image: L∞, L2, and L0, the number of pixels changed by more than half a grey level
 * ({@value #L0_THRESHOLD}·255 = 0.5). Counting every nonzero change would count float rounding: Carlini–Wagner's tanh
 * change of variables moves nearly every pixel by a few ulps, and its L0 would be about 784 for any attack.
 */
record PerturbationSizes(float[] linf, float[] l2, int[] l0) {

    static final float L0_THRESHOLD = 0.5f / 255;

    static PerturbationSizes of(float[] clean, float[] adversarial, int images) {
        float[] linf = new float[images];
        float[] l2 = new float[images];
        int[] l0 = new int[images];
        for (int i = 0; i < images; i++) {
            double squares = 0;
            for (int p = i * ImageSet.PIXELS; p < (i + 1) * ImageSet.PIXELS; p++) {
                float difference = Math.abs(adversarial[p] - clean[p]);
                linf[i] = Math.max(linf[i], difference);
                squares += (double) difference * difference;
                l0[i] += difference > L0_THRESHOLD ? 1 : 0;
            }
            l2[i] = (float) Math.sqrt(squares);
        }
        return new PerturbationSizes(linf, l2, l0);
    }
}
