package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianSmoothingTest {

    @Test
    void anInteriorImpulseSpreadsIntoTheNormalisedTwoDimensionalGaussian() {
        float[] impulse = new float[784];
        impulse[14 * 28 + 14] = 1;
        float[] smoothed = new GaussianSmoothing(7, 1.0).apply(impulse);
        double norm = 0;
        for (int a = -3; a <= 3; a++) {
            for (int b = -3; b <= 3; b++) {
                norm += Math.exp(-(a * a + b * b) / 2.0);
            }
        }
        double total = 0;
        for (int a = -3; a <= 3; a++) {
            for (int b = -3; b <= 3; b++) {
                double expected = Math.exp(-(a * a + b * b) / 2.0) / norm;
                assertEquals(expected, smoothed[(14 + a) * 28 + 14 + b], 1e-6);
                total += smoothed[(14 + a) * 28 + 14 + b];
            }
        }
        assertEquals(1.0, total, 1e-5);
    }

    @Test
    void theBorderIsZeroPadded() {
        float[] impulse = new float[784];
        impulse[0] = 1;
        float[] smoothed = new GaussianSmoothing(3, 1.0).apply(impulse);
        double w0 = 1 / (1 + 2 * Math.exp(-0.5));
        double total = 0;
        for (float value : smoothed) {
            total += value;
        }
        assertEquals(w0 * w0, smoothed[0], 1e-6);
        assertEquals((w0 + (1 - w0) / 2) * (w0 + (1 - w0) / 2), total, 1e-5, "the mass outside the image is lost");
    }
}
