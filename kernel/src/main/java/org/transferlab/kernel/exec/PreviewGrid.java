package org.transferlab.kernel.exec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.transferlab.api.data.ImageSet;

/** A PNG with one column per example and three rows: clean, adversarial, and the perturbation amplified to full range. */
final class PreviewGrid {

    private static final int SCALE = 3;

    private PreviewGrid() {
    }

    static void write(Path file, float[] clean, float[] adversarial, int count) throws IOException {
        int side = ImageSet.SIDE * SCALE;
        BufferedImage image = new BufferedImage(count * (side + 2), 3 * (side + 2), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            float largest = 1e-12f;
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                largest = Math.max(largest, Math.abs(adversarial[i * ImageSet.PIXELS + p] - clean[i * ImageSet.PIXELS + p]));
            }
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                int k = i * ImageSet.PIXELS + p;
                float delta = (adversarial[k] - clean[k]) / largest;
                int x = i * (side + 2) + (p % ImageSet.SIDE) * SCALE;
                int y = (p / ImageSet.SIDE) * SCALE;
                fill(image, x, y, gray(clean[k]));
                fill(image, x, y + side + 2, gray(adversarial[k]));
                // Red where the attack brightened a pixel, blue where it darkened it.
                int red = delta > 0 ? Math.round(255 * delta) : 0;
                int blue = delta < 0 ? Math.round(-255 * delta) : 0;
                fill(image, x, y + 2 * (side + 2), red << 16 | blue);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ArtefactDirectory.writeAtomically(file, png.toByteArray());
    }

    private static int gray(float value) {
        int level = Math.round(255 * Math.min(1f, Math.max(0f, value)));
        return level << 16 | level << 8 | level;
    }

    private static void fill(BufferedImage image, int x, int y, int rgb) {
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                image.setRGB(x + dx, y + dy, rgb);
            }
        }
    }
}
