package org.transferlab.api.attack;

/**
 * The model an attack crafts on, in inference mode. Its graph is built once; every call runs one session step on the
 * given batch, so an iterative attack calls {@link #lossGradient} once per step.
 */
public interface SourceModel {

    int numClasses();

    /** Logits for {@code labels.length}-style batches: {@code count × numClasses} values, row-major. */
    float[] logits(float[] images, int count);

    /**
     * The gradient, with respect to the input pixels, of the summed softmax cross-entropy between the model's logits and
     * {@code labels}. Each image's gradient depends only on that image, whatever the batch size.
     */
    float[] lossGradient(float[] images, int[] labels);

    /**
     * The gradient, with respect to the input pixels, of Σₙ Σₖ {@code weights}[n·K + k] · logits[n·K + k] for K =
     * {@link #numClasses()}: a vector-Jacobian product of the logits. With weights eₖ − eⱼ it is the gradient of the
     * margin zₖ − zⱼ that minimum-norm attacks (C&amp;W, DeepFool) follow. Each image's gradient depends only on that image
     * and its row of weights.
     *
     * @param weights  {@code count × numClasses} values, row-major, where count = images.length / PIXELS
     * @since 1.3
     */
    float[] logitGradient(float[] images, float[] weights);
}
