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

    /**
     * Whether, in the training-mode pass, a normalisation layer that owns parameter {@code name} normalises with the
     * batch's statistics and moves its stored statistics towards them. As {@link #trainable} by default; when a
     * fine-tune says {@code frozen_batchnorm: adapt}, also for frozen layers, as PyTorch's {@code model.train()} does
     * for a layer whose parameters have {@code requires_grad=False}.
     *
     * @since 1.6
     */
    default boolean usesBatchStatistics(String name) {
        return trainable(name);
    }

    /** The variable of a state tensor declared in {@link Architecture#state()}. */
    Operand<TFloat32> state(String name);

    /**
     * Asks that state tensor {@code name} takes {@code value} after each training step. The kernel runs the update only
     * while the layer that owns the state {@linkplain #usesBatchStatistics uses batch statistics} (a frozen BatchNorm
     * keeps its statistics unless the fine-tune adapts them).
     */
    void updateState(String name, Operand<TFloat32> value);
}
