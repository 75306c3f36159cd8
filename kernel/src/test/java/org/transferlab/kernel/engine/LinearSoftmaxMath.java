package org.transferlab.kernel.engine;

import org.transferlab.api.data.ImageSet;

/** The linear softmax model's probabilities and gradients in plain double-precision Java. */
final class LinearSoftmaxMath {

    private static final int PIXELS = ImageSet.PIXELS;

    private final float[] weight;
    private final float[] bias;
    private final int classes;

    LinearSoftmaxMath(Weights weights) {
        this.weight = weights.get(LinearSoftmax.WEIGHT).values();
        this.bias = weights.get(LinearSoftmax.BIAS).values();
        this.classes = bias.length;
    }

    /** softmax(x·W + b) − onehot(y) for image {@code i}. */
    double[] probabilitiesMinusOneHot(float[] images, int i, int label) {
        double[] logits = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = bias[c];
            for (int p = 0; p < PIXELS; p++) {
                z += (double) images[i * PIXELS + p] * weight[p * classes + c];
            }
            logits[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < classes; c++) {
            logits[c] = logits[c] / sum - (c == label ? 1 : 0);
        }
        return logits;
    }

    /** ∂(Σ cross-entropy)/∂x = (softmax(x·W + b) − onehot(y)) · Wᵀ, image by image. */
    double[] inputGradient(float[] images, int[] labels) {
        double[] gradient = new double[labels.length * PIXELS];
        for (int i = 0; i < labels.length; i++) {
            double[] delta = probabilitiesMinusOneHot(images, i, labels[i]);
            for (int p = 0; p < PIXELS; p++) {
                for (int c = 0; c < classes; c++) {
                    gradient[i * PIXELS + p] += delta[c] * weight[p * classes + c];
                }
            }
        }
        return gradient;
    }

    /** ∂(mean cross-entropy)/∂W, row-major [784, classes]. */
    double[] weightGradient(float[] images, int[] labels) {
        double[] gradient = new double[PIXELS * classes];
        for (int i = 0; i < labels.length; i++) {
            double[] delta = probabilitiesMinusOneHot(images, i, labels[i]);
            for (int p = 0; p < PIXELS; p++) {
                for (int c = 0; c < classes; c++) {
                    gradient[p * classes + c] += images[i * PIXELS + p] * delta[c] / labels.length;
                }
            }
        }
        return gradient;
    }

    /** ∂(mean cross-entropy)/∂b. */
    double[] biasGradient(float[] images, int[] labels) {
        double[] gradient = new double[classes];
        for (int i = 0; i < labels.length; i++) {
            double[] delta = probabilitiesMinusOneHot(images, i, labels[i]);
            for (int c = 0; c < classes; c++) {
                gradient[c] += delta[c] / labels.length;
            }
        }
        return gradient;
    }

    /** Mean cross-entropy. */
    double loss(float[] images, int[] labels) {
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] delta = probabilitiesMinusOneHot(images, i, labels[i]);
            loss -= Math.log(delta[labels[i]] + 1);
        }
        return loss / labels.length;
    }
}
