package org.transferlab.plugins.models;

import java.util.SplittableRandom;
import org.transferlab.api.data.ImageSet;

/** A ten-class toy task: class k is a bright 4×4 blob near the k-th of ten places (two rows of five), shifted by up to
 * two pixels, on strong noise (or, on request, on a quieter background). */
final class BlobImages {

    static final int CLASSES = 10;
    private static final int BLOB = 4;

    private BlobImages() {
    }

    static ImageSet generate(int count, long seed) {
        return generate(count, seed, 109);
    }

    /** The same task with background pixels uniform in [0, {@code noise}] out of 255; 0 gives a black background. */
    static ImageSet generate(int count, long seed, int noise) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(CLASSES);
            labels[i] = label;
            int top = 5 + 12 * (label / 5) + random.nextInt(5) - 2;
            int left = 2 + 5 * (label % 5) + random.nextInt(5) - 2;
            for (int row = 0; row < ImageSet.SIDE; row++) {
                for (int column = 0; column < ImageSet.SIDE; column++) {
                    boolean inBlob = row >= top && row < top + BLOB && column >= left && column < left + BLOB;
                    int value = inBlob ? 130 + random.nextInt(126) : random.nextInt(noise + 1);
                    pixels[i * ImageSet.PIXELS + row * ImageSet.SIDE + column] = (byte) value;
                }
            }
        }
        return new ImageSet(pixels, labels);
    }
}
