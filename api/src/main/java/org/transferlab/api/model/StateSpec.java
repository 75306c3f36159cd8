package org.transferlab.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A non-trainable tensor, such as a BatchNorm moving mean.
 *
 * @param name     stable dotted name, e.g. {@code stem.bn.moving_mean}
 * @param shape    the tensor's shape
 * @param initial  the value every element starts with
 * @param owner    the parameter whose trainability decides whether this state is updated
 */
public record StateSpec(String name, long[] shape, float initial, String owner) {

    public StateSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(owner, "owner is null");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateSpec that
                && name.equals(that.name)
                && Arrays.equals(shape, that.shape)
                && Float.compare(initial, that.initial) == 0
                && owner.equals(that.owner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), initial, owner);
    }
}
