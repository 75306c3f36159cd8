package org.transferlab.kernel.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How the learning rate changes during training ({@code schedule:} in a recipe).
 *
 * <ul>
 *   <li>{@code {kind: constant}}: the recipe's rate throughout (also what a recipe without a schedule does);</li>
 *   <li>{@code {kind: step, every: E, gamma: G}}: the rate is multiplied by G (default 0.1) after every E epochs;</li>
 *   <li>{@code {kind: cosine, min_learning_rate: M}}: the rate falls from the recipe's rate towards M (default 0)
 *       along half a cosine, step by step, as PyTorch's CosineAnnealingLR over all steps: step t of T uses
 *       M + (rate − M)(1 + cos(πt/T))/2, so the last step still learns.</li>
 * </ul>
 * {@code warmup_epochs: W} (any kind) first raises the rate linearly from near zero over W epochs, step by step.
 */
public record Schedule(
        @NotNull Kind kind,
        @Min(1) Integer every,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double gamma,
        @PositiveOrZero Double minLearningRate,
        @Min(0) Integer warmupEpochs) {

    public enum Kind { CONSTANT, STEP, COSINE }

    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, null, null, null, null);

    @AssertTrue(message = "every and gamma belong to kind: step only")
    public boolean isStepOptionsOnlyForStep() {
        return kind != Kind.CONSTANT && kind != Kind.COSINE || every == null && gamma == null;
    }

    @AssertTrue(message = "kind: step needs every (epochs between decays)")
    public boolean isStepComplete() {
        return kind != Kind.STEP || every != null;
    }

    @AssertTrue(message = "min_learning_rate belongs to kind: cosine only")
    public boolean isMinimumOnlyForCosine() {
        return kind == Kind.COSINE || minLearningRate == null;
    }

    public double gammaOrDefault() {
        return gamma == null ? 0.1 : gamma;
    }

    public double minLearningRateOrDefault() {
        return minLearningRate == null ? 0.0 : minLearningRate;
    }

    public int warmupEpochsOrDefault() {
        return warmupEpochs == null ? 0 : warmupEpochs;
    }
}
