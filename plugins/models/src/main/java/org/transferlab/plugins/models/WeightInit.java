package org.transferlab.plugins.models;

import org.transferlab.api.model.Initializer;

/**
 * How a model's convolution and dense layers start, chosen by a model entry's {@code init}. BatchNorm and LayerNorm
 * start at scale 1 and shift 0 either way.
 */
public enum WeightInit {
    /** He-normal weights (std √(2 / fan-in), for ReLU networks) and zero biases: this project's default. */
    HE_NORMAL,
    /**
     * PyTorch's {@code nn.Conv2d}, {@code nn.Conv1d} and {@code nn.Linear} defaults: weights from kaiming_uniform with
     * a = √5, which is U(±1/√fan-in), and biases U(±1/√fan-in), as the study being reproduced trained them.
     */
    PYTORCH;

    Initializer weight(long fanIn) {
        return this == PYTORCH ? new Initializer.Uniform(1 / Math.sqrt(fanIn)) : new Initializer.HeNormal(fanIn);
    }

    Initializer bias(long fanIn) {
        return this == PYTORCH ? new Initializer.Uniform(1 / Math.sqrt(fanIn)) : new Initializer.Constant(0);
    }
}
