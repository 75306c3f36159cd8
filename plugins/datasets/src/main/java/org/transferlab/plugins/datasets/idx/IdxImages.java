package org.transferlab.plugins.datasets.idx;

import java.util.Objects;

/**
 * Unsigned-byte images read from an IDX file, in the file's order and orientation.
 *
 * @param count    the number of images
 * @param rows     the height of each image
 * @param columns  the width of each image
 * @param pixels   {@code count * rows * columns} bytes, read as unsigned; row-major within each image
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {

    public IdxImages {
        Objects.requireNonNull(pixels, "pixels is null");
        if (count < 0 || rows < 0 || columns < 0 || pixels.length != (long) count * rows * columns) {
            throw new IllegalArgumentException(
                    count + " images of " + rows + "x" + columns + " do not match " + pixels.length + " pixel bytes");
        }
    }

    /** The pixel at ({@code row}, {@code column}) of image {@code index}, 0–255. */
    public int pixel(int index, int row, int column) {
        return pixels[(index * rows + row) * columns + column] & 0xff;
    }
}
