package org.transferlab.api.model;

/** How the kernel fills a parameter before training. Sampling happens in Java, so a seed gives the same weights on every machine. */
public sealed interface Initializer {

    /** Normal with mean 0 and standard deviation sqrt(2 / fanIn) (He et al. 2015), for layers followed by ReLU. */
    record HeNormal(long fanIn) implements Initializer {
    }

    /** Uniform in [-limit, limit]. */
    record Uniform(double limit) implements Initializer {
    }

    /** Uniform in [-sqrt(6 / (fanIn + fanOut)), +sqrt(6 / (fanIn + fanOut))] (Glorot and Bengio 2010). */
    record GlorotUniform(long fanIn, long fanOut) implements Initializer {
    }

    /** Every element the same value (0 for biases, 1 for normalisation scales). */
    record Constant(float value) implements Initializer {
    }
}
