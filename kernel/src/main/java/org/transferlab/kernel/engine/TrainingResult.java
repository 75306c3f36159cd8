package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The trained weights and the per-epoch history of one training run. */
public record TrainingResult(Weights weights, List<EpochRecord> history) {

    public TrainingResult {
        requireNonNull(weights, "weights is null");
        history = List.copyOf(history);
    }
}
