package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a model: its shape and its float32 values in row-major (C) order.
 *
 * <p>The values array is shared, not copied, because models hold millions of them; treat it as read-only.
 */
public record WeightTensor(long[] shape, float[] values) {

    public WeightTensor {
        requireNonNull(shape, "shape is null");
        requireNonNull(values, "values is null");
        shape = shape.clone();
        long size = sizeOf(shape);
        if (size != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + values.length);
        }
    }

    /** A tensor of the given shape with every element {@code value}. */
    public static WeightTensor filled(long[] shape, float value) {
        float[] values = new float[Math.toIntExact(sizeOf(shape))];
        Arrays.fill(values, value);
        return new WeightTensor(shape, values);
    }

    static long sizeOf(long[] shape) {
        long size = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, dimension);
        }
        return size;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public boolean hasShape(long[] expected) {
        return Arrays.equals(shape, expected);
    }

    /** Equal when shapes match and every value has the same bits. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WeightTensor that && Arrays.equals(shape, that.shape) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "WeightTensor" + Arrays.toString(shape);
    }
}
