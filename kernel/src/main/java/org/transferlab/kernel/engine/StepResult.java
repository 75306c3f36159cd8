package org.transferlab.kernel.engine;

/**
 * What one training step measured on its batch, before the update.
 *
 * @param loss     mean softmax cross-entropy (without the weight-decay term)
 * @param correct  how many images the training-mode logits classified correctly
 */
public record StepResult(float loss, int correct) {
}
