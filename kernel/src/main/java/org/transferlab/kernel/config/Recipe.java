package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Named training settings ({@code recipes:} in the file; keys are snake_case there).
 *
 * @param momentum     SGD momentum, ignored by Adam; default 0.9
 * @param weightDecay  L2 penalty added to the loss for weights (not biases or normalisation parameters); default 0
 * @param schedule     how the rate changes over training; constant when absent
 */
public record Recipe(
        @NotNull @Min(1) Integer epochs,
        @NotNull @Min(1) Integer batchSize,
        @NotNull OptimizerKind optimizer,
        @NotNull @Positive Double learningRate,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
        @PositiveOrZero Double weightDecay,
        @Valid Schedule schedule) {

    public enum OptimizerKind { ADAM, SGD }

    /** A recipe with a constant learning rate. */
    public Recipe(Integer epochs, Integer batchSize, OptimizerKind optimizer, Double learningRate, Double momentum,
                  Double weightDecay) {
        this(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, null);
    }

    public Schedule scheduleOrDefault() {
        return schedule == null ? Schedule.CONSTANT : schedule;
    }

    public double momentumOrDefault() {
        return momentum == null ? 0.9 : momentum;
    }

    public double weightDecayOrDefault() {
        return weightDecay == null ? 0.0 : weightDecay;
    }
}
