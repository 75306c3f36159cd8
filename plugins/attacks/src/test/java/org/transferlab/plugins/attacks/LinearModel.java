package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.SourceModel;

/**
 * A linear softmax classifier, logits = W·x + b, whose input gradient is known in closed form:
 * ∂CE/∂x = Wᵀ (softmax(Wx + b) − onehot(y)), and the gradient of Σ wₖ zₖ is Σ wₖ Wₖ.
 */
final class LinearModel implements SourceModel {

    private final float[][] weights;
    private final float[] bias;
    private final int inputs;

    LinearModel(float[][] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
        this.inputs = weights[0].length;
    }

    @Override
    public int numClasses() {
        return weights.length;
    }

    @Override
    public float[] logits(float[] images, int count) {
        float[] out = new float[count * numClasses()];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < numClasses(); k++) {
                double sum = bias[k];
                for (int i = 0; i < inputs; i++) {
                    sum += weights[k][i] * images[n * inputs + i];
                }
                out[n * numClasses() + k] = (float) sum;
            }
        }
        return out;
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        int count = labels.length;
        float[] logits = logits(images, count);
        float[] gradient = new float[images.length];
        for (int n = 0; n < count; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < numClasses(); k++) {
                max = Math.max(max, logits[n * numClasses() + k]);
            }
            double[] p = new double[numClasses()];
            double total = 0;
            for (int k = 0; k < numClasses(); k++) {
                p[k] = Math.exp(logits[n * numClasses() + k] - max);
                total += p[k];
            }
            for (int k = 0; k < numClasses(); k++) {
                double delta = p[k] / total - (k == labels[n] ? 1 : 0);
                for (int i = 0; i < inputs; i++) {
                    gradient[n * inputs + i] += (float) (delta * weights[k][i]);
                }
            }
        }
        return gradient;
    }

    @Override
    public float[] logitGradient(float[] images, float[] logitWeights) {
        int count = images.length / inputs;
        float[] gradient = new float[images.length];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < numClasses(); k++) {
                double w = logitWeights[n * numClasses() + k];
                for (int i = 0; i < inputs; i++) {
                    gradient[n * inputs + i] += (float) (w * weights[k][i]);
                }
            }
        }
        return gradient;
    }
}
