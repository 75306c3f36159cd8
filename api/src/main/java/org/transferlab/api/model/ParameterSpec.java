package org.transferlab.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One trainable tensor.
 *
 * @param name         stable dotted name, e.g. {@code conv1.weight}
 * @param shape        the tensor's shape
 * @param initializer  how the kernel initialises it
 */
public record ParameterSpec(String name, long[] shape, Initializer initializer) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(initializer, "initializer is null");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long size() {
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterSpec that
                && name.equals(that.name)
                && Arrays.equals(shape, that.shape)
                && initializer.equals(that.initializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), initializer);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
