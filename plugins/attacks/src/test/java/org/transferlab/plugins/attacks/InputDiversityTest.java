package org.transferlab.plugins.attacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InputDiversityTest {

    @Test
    void theAdjointIsExactForEveryResizeAndPlacement() {
        SplittableRandom random = new SplittableRandom(21);
        for (int size = 28; size <= 31; size++) {
            for (int top = 0; top + size <= 31; top++) {
                for (int left = 0; left + size <= 31; left++) {
                    int[] transform = InputDiversity.transform(size, top, left);
                    float[] x = new float[784];
                    float[] y = new float[784];
                    for (int i = 0; i < 784; i++) {
                        x[i] = (float) random.nextGaussian();
                        y[i] = (float) random.nextGaussian();
                    }
                    float[] tx = new float[784];
                    float[] ty = new float[784];
                    InputDiversity.apply(transform, x, 0, tx, 0);
                    InputDiversity.adjoint(transform, y, 0, ty, 0);
                    double left1 = 0;
                    double right = 0;
                    double scale = 0;
                    for (int i = 0; i < 784; i++) {
                        left1 += (double) tx[i] * y[i];
                        right += (double) x[i] * ty[i];
                        scale += Math.abs((double) x[i] * ty[i]);
                    }
                    // Tᵀ y sums up to four float values per pixel, so only float rounding may separate the two sides.
                    assertEquals(left1, right, 1e-6 * scale, size + " at " + top + "," + left);
                }
            }
        }
    }

    @Test
    void aFullSizePlacementResizesTheCanvasBackByNearestNeighbour() {
        // r = 31 at (0,0) fills the canvas; output pixel (i, j) shows canvas pixel (⌊31i/28⌋, ⌊31j/28⌋), which is
        // resized pixel of the source (⌊28·⌊31i/28⌋/31⌋, ...).
        int[] transform = InputDiversity.transform(31, 0, 0);
        for (int i = 0; i < 28; i++) {
            int expected = (i * 31 / 28) * 28 / 31;
            assertEquals(expected * 28 + expected, transform[i * 28 + i]);
        }
    }

    @Test
    void theSmallestImageInTheCornerLeavesPaddingAtTheFarSide() {
        // r = 28 at (0,0): canvas rows 28..30 are padding, and output row 27 shows canvas row ⌊31·27/28⌋ = 29.
        int[] transform = InputDiversity.transform(28, 0, 0);
        assertEquals(-1, transform[27 * 28]);
        assertEquals(0, transform[0]);
    }

    @Test
    void probabilityZeroPassesTheBatchStraightThrough() {
        float[][] weights = {new float[784], new float[784]};
        weights[1][5] = 1;
        LinearModel model = new LinearModel(weights, new float[2]);
        float[] images = new float[784];
        float[] direct = model.lossGradient(images, new int[] {1});
        assertArrayEquals(direct,
                new InputDiversity(0).gradient(model, images, new int[] {1}, new SplittableRandom(0)), 0f);
    }
}
