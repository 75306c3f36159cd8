package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Schedule;

/** The learning rate of every training step under a recipe's {@link Schedule}. */
public final class LearningRates {

    private final double base;
    private final Schedule schedule;
    private final long totalSteps;
    private final int stepsPerEpoch;

    public LearningRates(Recipe recipe, int stepsPerEpoch) {
        requireNonNull(recipe, "recipe is null");
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("an epoch needs at least one step, got " + stepsPerEpoch);
        }
        this.base = recipe.learningRate();
        this.schedule = recipe.scheduleOrDefault();
        this.totalSteps = recipe.totalSteps(stepsPerEpoch);
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /**
     * The rate of step {@code step} (0 for the first step of epoch 1); after warm-up, the step schedule decays per
     * epoch and the cosine schedule per step, over the steps that follow warm-up.
     */
    public float rate(long step) {
        if (step < 0 || step >= totalSteps()) {
            throw new IllegalArgumentException("step " + step + " is outside [0, " + totalSteps() + ")");
        }
        long warmupSteps = (long) schedule.warmupEpochsOrDefault() * stepsPerEpoch;
        if (step < warmupSteps) {
            return (float) (base * (step + 1) / warmupSteps);
        }
        double rate;
        switch (schedule.kind()) {
            case STEP -> {
                long epochIndex = step / stepsPerEpoch;
                rate = base * Math.pow(schedule.gammaOrDefault(), Math.floorDiv(epochIndex, schedule.every()));
            }
            case COSINE -> {
                long decaySteps = totalSteps() - warmupSteps;
                double progress = (double) (step - warmupSteps) / decaySteps;
                double minimum = schedule.minLearningRateOrDefault();
                rate = minimum + 0.5 * (base - minimum) * (1 + Math.cos(Math.PI * progress));
            }
            default -> rate = base;
        }
        return (float) rate;
    }

    public long totalSteps() {
        return totalSteps;
    }
}
