package org.transferlab.plugins.attacks;

import org.transferlab.api.data.ImageSet;

/**
 * Translation-invariant gradient smoothing (Dong et al. 2019): each 28×28 gradient is convolved with a normalised
 * k×k Gaussian kernel, zero-padded at the border (weights are not renormalised there). The 2-D kernel is the outer
 * product of a normalised 1-D one, so the convolution runs as two 1-D passes.
 */
final class GaussianSmoothing {

    private final int size;
    private final double sigma;
    private final float[] weights;

    /**
     * @param size   odd kernel side
     * @param sigma  standard deviation in pixels; 0 gives the identity kernel
     */
    GaussianSmoothing(int size, double sigma) {
        if (size < 1 || size % 2 == 0 || size > 2 * ImageSet.SIDE - 1) {
            throw new IllegalArgumentException("kernel size must be odd and between 1 and 55, got " + size);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
        }
        this.size = size;
        this.sigma = sigma;
        this.weights = weights(size, sigma);
    }

    int size() {
        return size;
    }

    double sigma() {
        return sigma;
    }

    /** The normalised 1-D kernel, centre at index size / 2. */
    static float[] weights(int size, double sigma) {
        int radius = size / 2;
        double[] raw = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            int x = i - radius;
            raw[i] = sigma == 0 ? (x == 0 ? 1 : 0) : Math.exp(-0.5 * x * x / (sigma * sigma));
            total += raw[i];
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (raw[i] / total);
        }
        return out;
    }

    float[] apply(float[] gradient) {
        if (size == 1) {
            return gradient;
        }
        int side = ImageSet.SIDE;
        int radius = size / 2;
        float[] horizontal = new float[gradient.length];
        float[] out = new float[gradient.length];
        for (int offset = 0; offset < gradient.length; offset += ImageSet.PIXELS) {
            for (int row = 0; row < side; row++) {
                for (int column = 0; column < side; column++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int c = column + k;
                        if (c >= 0 && c < side) {
                            sum += weights[k + radius] * gradient[offset + row * side + c];
                        }
                    }
                    horizontal[offset + row * side + column] = (float) sum;
                }
            }
            for (int row = 0; row < side; row++) {
                for (int column = 0; column < side; column++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int r = row + k;
                        if (r >= 0 && r < side) {
                            sum += weights[k + radius] * horizontal[offset + r * side + column];
                        }
                    }
                    out[offset + row * side + column] = (float) sum;
                }
            }
        }
        return out;
    }
}
