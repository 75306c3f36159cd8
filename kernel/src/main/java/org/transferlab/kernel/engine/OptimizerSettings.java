package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

/**
 * How a {@link Network} updates its trainable parameters; the learning rate is given per step.
 *
 * <p>Adam uses TensorFlow's update with bias correction in the step size:
 * {@code lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code w -= lr_t * m / (sqrt(v) + epsilon)}. SGD uses
 * {@code a = momentum * a + g}, {@code w -= lr * a}, as PyTorch does.
 *
 * @param weightDecay  L2 penalty {@code weightDecay / 2 * sum(w^2)} over the trainable tensors named {@code *.weight},
 *                     so that it adds {@code weightDecay * w} to their gradients
 */
public record OptimizerSettings(OptimizerKind kind, double momentum, double weightDecay) {

    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;

    public OptimizerSettings {
        requireNonNull(kind, "kind is null");
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        }
    }

    public static OptimizerSettings from(Recipe recipe) {
        requireNonNull(recipe, "recipe is null");
        return new OptimizerSettings(recipe.optimizer(), recipe.momentumOrDefault(), recipe.weightDecayOrDefault());
    }
}
