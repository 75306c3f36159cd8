package org.transferlab.kernel.engine;

import java.util.SplittableRandom;
import org.transferlab.api.data.ImageSet;

/** Tiny labelled image sets for tests. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Class k lights up rows 2k and 2k+1 brightly, over a noisy background; linearly separable. */
    public static ImageSet rowBands(int count, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                int row = p / ImageSet.SIDE;
                boolean lit = row / 2 == labels[i];
                pixels[i * ImageSet.PIXELS + p] = (byte) (lit ? 160 + random.nextInt(96) : random.nextInt(60));
            }
        }
        return new ImageSet(pixels, labels);
    }

    /** Images whose non-zero pixels do not overlap: image i lights pixels i, i + count, i + 2·count, … */
    static float[] disjointImages(int count) {
        float[] images = new float[count * ImageSet.PIXELS];
        for (int i = 0; i < count; i++) {
            for (int p = i; p < ImageSet.PIXELS; p += count) {
                images[i * ImageSet.PIXELS + p] = 0.2f + 0.6f * ((p * 7919) % 101) / 101f;
            }
        }
        return images;
    }
}
