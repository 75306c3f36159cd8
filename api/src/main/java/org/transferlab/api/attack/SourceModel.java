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

    /**
     * {@code steps} signed-gradient steps on the summed cross-entropy of {@code labels}, each followed by the
     * projection onto the L∞ ball of radius {@code epsilon} around {@code clean} intersected with [0,1]:
     * <pre>x ← min(min(1, clean + ε), max(max(0, clean − ε), x + α · sign(∇ₓ CE)))</pre>
     * with α = {@code stepSize}, or −{@code stepSize} to descend the loss. Every operation is a float32 operation on
     * one pixel, so an implementation that runs the steps elsewhere (the kernel's runs them inside TensorFlow, without
     * copying the images out between steps) gives the same result, bit for bit, as this loop.
     *
     * @param start  the first iterate, {@code labels.length} images; not modified
     * @return the last iterate
     * @since 1.4
     */
    default float[] signedGradientSteps(float[] start, float[] clean, int[] labels, float stepSize, float epsilon,
                                        int steps) {
        if (start.length != clean.length) {
            throw new IllegalArgumentException(start.length + " start pixels for " + clean.length + " clean ones");
        }
        float[] x = start.clone();
        for (int step = 0; step < steps; step++) {
            float[] gradient = lossGradient(x, labels);
            for (int i = 0; i < x.length; i++) {
                float moved = x[i] + stepSize * Math.signum(gradient[i]);
                float low = Math.max(0f, clean[i] - epsilon);
                float high = Math.min(1f, clean[i] + epsilon);
                x[i] = Math.min(high, Math.max(low, moved));
            }
        }
        return x;
    }
}
