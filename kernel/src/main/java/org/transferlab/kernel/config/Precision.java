package org.transferlab.kernel.config;

/** The arithmetic of convolutions and matrix products ({@code runtime.precision}). */
public enum Precision {
    /** Everything in float32: the default. */
    FLOAT32,
    /**
     * TensorFlow's oneDNN auto-mixed-precision rewrite: convolutions, matrix products and their gradients in bfloat16,
     * variables and the loss in float32. Faster on processors with AVX512-BF16 or AMX; changes the results.
     */
    MIXED_BFLOAT16
}
