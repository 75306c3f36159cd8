package org.transferlab.kernel.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Where TensorFlow runs.
 *
 * @param device     {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param threads    intra-op threads; 0 lets TensorFlow choose
 * @param precision  {@code float32} (default) or {@code mixed-bfloat16}, which changes the numbers (and the cache
 *                   keys of every task)
 */
public record RuntimeConfig(
        @Pattern(regexp = "auto|cpu|gpu|gpu:[0-9]+", message = "must be auto, cpu, gpu or gpu:N") String device,
        @Min(0) Integer threads,
        Precision precision) {

    /** float32 arithmetic on {@code device} with {@code threads}. */
    public RuntimeConfig(String device, Integer threads) {
        this(device, threads, null);
    }

    public Precision precisionOrDefault() {
        return precision == null ? Precision.FLOAT32 : precision;
    }

    public String deviceOrDefault() {
        return device == null ? "auto" : device;
    }

    public int threadsOrDefault() {
        return threads == null ? 0 : threads;
    }
}
