package org.transferlab.kernel.engine;

/** Follows a training run, e.g. to draw a progress bar; every method does nothing unless overridden. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void trainingStarted(int epochs, int batchesPerEpoch) {
    }

    /** After each batch; {@code batch} counts from 1 within the epoch. */
    default void batchFinished(int epoch, int batch, StepResult result) {
    }

    default void epochFinished(EpochRecord record) {
    }

    /** Last, whether training completed, was cancelled or failed: release what the listener holds (a progress bar). */
    default void trainingEnded() {
    }
}
