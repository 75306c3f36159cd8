package org.transferlab.api.data;

import java.util.Objects;

/**
 * Images and labels of one split. Pixels are uint8 (0–255) in row-major order, {@value #PIXELS} per image; they are
 * converted to [0,1] floats batch by batch, so a large dataset costs one byte per pixel in memory.
 *
 * @param pixels  {@code count * PIXELS} bytes, read as unsigned
 * @param labels  one class index per image
 */
public record ImageSet(byte[] pixels, int[] labels) {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    public ImageSet {
        Objects.requireNonNull(pixels, "pixels is null");
        Objects.requireNonNull(labels, "labels is null");
        if (pixels.length != (long) labels.length * PIXELS) {
            throw new IllegalArgumentException(
                    "expected " + labels.length + " images of " + PIXELS + " pixels, got " + pixels.length + " bytes");
        }
    }

    public int count() {
        return labels.length;
    }

    /** The pixel at ({@code row}, {@code column}) of image {@code index}, in [0,1]. */
    public float pixel(int index, int row, int column) {
        return (pixels[index * PIXELS + row * SIDE + column] & 0xff) / 255f;
    }

    /** Every image, in order, as floats in [0,1]. */
    public float[] toFloats() {
        float[] out = new float[pixels.length];
        for (int p = 0; p < pixels.length; p++) {
            out[p] = (pixels[p] & 0xff) / 255f;
        }
        return out;
    }

    /** Copies the given images, in that order, as floats in [0,1]. */
    public float[] toFloats(int[] indices) {
        float[] out = new float[indices.length * PIXELS];
        for (int i = 0; i < indices.length; i++) {
            int base = indices[i] * PIXELS;
            for (int p = 0; p < PIXELS; p++) {
                out[i * PIXELS + p] = (pixels[base + p] & 0xff) / 255f;
            }
        }
        return out;
    }

    /** The images at the given indices as a new set. */
    public ImageSet select(int[] indices) {
        byte[] selected = new byte[indices.length * PIXELS];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * PIXELS, selected, i * PIXELS, PIXELS);
            selectedLabels[i] = labels[indices[i]];
        }
        return new ImageSet(selected, selectedLabels);
    }
}
