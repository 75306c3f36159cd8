package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
 * @param epochs       passes over the training set; or else
 * @param steps        optimizer steps, whatever the training set's size, so that a 500-image and a 60,000-image fine-tune
 *                     train equally long (the last pass over the set stops part-way)
 * @param schedule     how the rate changes over training; constant when absent
 */
public record Recipe(
        @Min(1) Integer epochs,
        @NotNull @Min(1) Integer batchSize,
        @NotNull OptimizerKind optimizer,
        @NotNull @Positive Double learningRate,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
        @PositiveOrZero Double weightDecay,
        @Valid Schedule schedule,
        @Min(1) Integer steps) {

    public enum OptimizerKind { ADAM, SGD }

    /** A recipe with a constant learning rate. */
    public Recipe(Integer epochs, Integer batchSize, OptimizerKind optimizer, Double learningRate, Double momentum,
                  Double weightDecay) {
        this(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, null, null);
    }

    /** A recipe that trains for {@code epochs} passes. */
    public Recipe(Integer epochs, Integer batchSize, OptimizerKind optimizer, Double learningRate, Double momentum,
                  Double weightDecay, Schedule schedule) {
        this(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, null);
    }

    @AssertTrue(message = "give epochs (passes over the training set) or steps (optimizer steps), not both")
    public boolean isEpochsOrSteps() {
        return epochs == null || steps == null;
    }

    @AssertTrue(message = "give epochs (passes over the training set) or steps (optimizer steps, the same for every "
            + "subset size)")
    public boolean isLengthGiven() {
        return epochs != null || steps != null;
    }

    /** The passes over a training set of {@code stepsPerEpoch} batches; under {@code steps}, the last may be partial. */
    public int epochsFor(int stepsPerEpoch) {
        return epochs != null ? epochs : (int) ((steps + (long) stepsPerEpoch - 1) / stepsPerEpoch);
    }

    /** The optimizer steps of the whole training on a set of {@code stepsPerEpoch} batches. */
    public long totalSteps(int stepsPerEpoch) {
        return epochs != null ? (long) epochs * stepsPerEpoch : steps;
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
