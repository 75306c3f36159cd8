package org.transferlab.api.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** What the kernel hands an {@link Architecture} while it builds the forward pass. */
public interface ModelGraph {

    Ops tf();

    /** The variable of a parameter declared in {@link Architecture#parameters()}. */
    Operand<TFloat32> parameter(String name);

    /**
     * Whether training this network updates parameter {@code name}: false for a frozen parameter, and for every
     * parameter of a network built for inference only. A layer whose parameters are not trainable behaves in the
     * training-mode forward pass as in inference (a frozen BatchNorm normalises with its moving statistics), so that a
     * frozen part of a model computes exactly what it computed before fine-tuning.
     */
    boolean trainable(String name);

    /** The variable of a state tensor declared in {@link Architecture#state()}. */
    Operand<TFloat32> state(String name);

    /**
     * Asks that state tensor {@code name} takes {@code value} after each training step. The kernel runs the update only
     * while the parameters that own the state are trainable (a frozen BatchNorm keeps its statistics).
     */
    void updateState(String name, Operand<TFloat32> value);
}
