package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class LayersTest {

    @Test
    void stridedConvolutionPadsOnePixelOnEverySideLikePyTorch() {
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i + 1;
        }
        float[] ones = new float[9];
        Arrays.fill(ones, 1f);
        float[] output = convolve(image, new long[] {1, 4, 4, 1}, ones, new long[] {3, 3, 1, 1}, 2, 1,
                new long[] {1, 2, 2, 1});
        assertArrayEquals(new float[] {1 + 2 + 5 + 6, 2 + 3 + 4 + 6 + 7 + 8, 5 + 6 + 9 + 10 + 13 + 14,
                6 + 7 + 8 + 10 + 11 + 12 + 14 + 15 + 16}, output);
    }

    @Test
    void convolutionsMatchADirectComputation() {
        SplittableRandom random = new SplittableRandom(4);
        float[] image = randomValues(2 * 7 * 7 * 2, random);
        float[] kernel = randomValues(3 * 3 * 2 * 3, random);
        long[] imageShape = {2, 7, 7, 2};
        long[] kernelShape = {3, 3, 2, 3};
        int[][] strideAndPadding = {{1, 1}, {2, 1}, {1, 0}, {2, 0}};
        for (int[] setting : strideAndPadding) {
            int stride = setting[0];
            int padding = setting[1];
            int side = (7 + 2 * padding - 3) / stride + 1;
            float[] expected = directConvolution(image, 2, 7, 2, kernel, 3, 3, stride, padding);
            float[] actual = convolve(image, imageShape, kernel, kernelShape, stride, padding,
                    new long[] {2, side, side, 3});
            assertArrayEquals(expected, actual, 1e-5f, "stride " + stride + ", padding " + padding);
        }
    }

    @Test
    void maxPoolDropsTheOddLastRowAndFlattenKeepsEveryFeature() {
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false);
            Operand<TFloat32> x = model.tf().zeros(model.tf().constant(new long[] {5, 7, 7, 256}), TFloat32.class);
            Operand<TFloat32> pooled = Layers.maxPool(model, x, 2);
            assertEquals(Shape.of(5, 3, 3, 256), pooled.shape());
            assertEquals(Shape.of(5, 2304), Layers.flatten(model, pooled).shape());
        }
    }

    @Test
    void sameMaxPoolKeepsTheSizeAndNeverTakesThePaddingAsAValue() {
        // Every value is negative, so a zero-padded pool would show zeros along the border.
        SplittableRandom random = new SplittableRandom(5);
        float[] image = new float[2 * 5 * 5 * 3];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (-1 - random.nextDouble());
        }
        float[] expected = new float[image.length];
        for (int b = 0; b < 2; b++) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    for (int k = 0; k < 3; k++) {
                        float max = Float.NEGATIVE_INFINITY;
                        for (int row = Math.max(0, r - 1); row <= Math.min(4, r + 1); row++) {
                            for (int column = Math.max(0, c - 1); column <= Math.min(4, c + 1); column++) {
                                max = Math.max(max, image[((b * 5 + row) * 5 + column) * 3 + k]);
                            }
                        }
                        expected[((b * 5 + r) * 5 + c) * 3 + k] = max;
                    }
                }
            }
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false);
            Operand<TFloat32> pooled = Layers.maxPoolSame(model, model.constant(new long[] {2, 5, 5, 3}, image), 3);
            assertEquals(Shape.of(2, 5, 5, 3), pooled.shape());
            assertArrayEquals(expected, model.run(pooled));
        }
    }

    @Test
    void globalAveragePoolTakesTheMeanOfEachChannelOfEachImage() {
        float[] image = randomValues(2 * 3 * 3 * 4, new SplittableRandom(6));
        float[] expected = new float[2 * 4];
        for (int i = 0; i < image.length; i++) {
            expected[(i / 36) * 4 + i % 4] += image[i] / 9;
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false);
            Operand<TFloat32> pooled = Layers.globalAveragePool(model, model.constant(new long[] {2, 3, 3, 4}, image));
            assertEquals(Shape.of(2, 4), pooled.shape());
            assertArrayEquals(expected, model.run(pooled), 1e-6f);
        }
    }

    @Test
    void patchesAreNumberedRowMajorAndSoArePixelsWithinAPatch() {
        // Pixel (row, column) of image b holds 10000·b + 100·row + column.
        float[] images = new float[2 * 28 * 28];
        for (int b = 0; b < 2; b++) {
            for (int row = 0; row < 28; row++) {
                for (int column = 0; column < 28; column++) {
                    images[(b * 28 + row) * 28 + column] = 10000 * b + 100 * row + column;
                }
            }
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false);
            Operand<TFloat32> patches = Layers.patches(model, model.constant(new long[] {2, 28, 28, 1}, images), 4);
            assertEquals(Shape.of(2, 49, 16), patches.shape());
            float[] values = model.run(patches);
            for (int b = 0; b < 2; b++) {
                for (int patch = 0; patch < 49; patch++) {
                    for (int pixel = 0; pixel < 16; pixel++) {
                        int row = 4 * (patch / 7) + pixel / 4;
                        int column = 4 * (patch % 7) + pixel % 4;
                        assertEquals(10000 * b + 100 * row + column, values[(b * 49 + patch) * 16 + pixel],
                                "image " + b + ", patch " + patch + ", pixel " + pixel);
                    }
                }
            }
        }
    }

    @Test
    void denseOverTheLastAxisAppliesOneLayerToEveryRow() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = randomValues(2 * 3 * 4, random);
        float[] weight = randomValues(4 * 5, random);
        float[] bias = randomValues(5, random);
        float[] expected = new float[2 * 3 * 5];
        for (int row = 0; row < 6; row++) {
            for (int out = 0; out < 5; out++) {
                double sum = bias[out];
                for (int in = 0; in < 4; in++) {
                    sum += x[row * 4 + in] * weight[in * 5 + out];
                }
                expected[row * 5 + out] = (float) sum;
            }
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false)
                    .withParameter("d.weight", new long[] {4, 5}, weight)
                    .withParameter("d.bias", new long[] {5}, bias);
            Operand<TFloat32> y = Layers.denseOverLastAxis(model, model.constant(new long[] {2, 3, 4}, x), "d");
            assertEquals(Shape.of(2, 3, 5), y.shape());
            assertArrayEquals(expected, model.run(y), 1e-6f);
        }
    }

    @Test
    void geluIsTheExactErfForm() {
        float[] x = {1f, -0.5f, 2f, -3f, 0.1f, 0f};
        // 0.5·x·(1 + erf(x/√2)), from an independent double-precision erf.
        float[] pinned = {0.8413447460685429f, -0.15426876936299344f, 1.9544997361036416f, -0.00404969409489031f,
                0.053982783727702904f, 0f};
        assertArrayEquals(pinned, gelu(x), 1e-6f);

        float[] range = new float[33];
        float[] expected = new float[range.length];
        for (int i = 0; i < range.length; i++) {
            range[i] = -4 + 0.25f * i;
            expected[i] = (float) (0.5 * range[i] * (1 + erf(range[i] / Math.sqrt(2))));
        }
        assertArrayEquals(expected, gelu(range), 1e-6f);
    }

    @Test
    void layerNormNormalisesEachRowOverTheLastAxisWithTheBiasedVariance() {
        SplittableRandom random = new SplittableRandom(8);
        float[] x = randomValues(2 * 3 * 4, random);
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * x[i] + i / 4;    // a different mean in every row
        }
        float[] gamma = randomValues(4, random);
        float[] beta = randomValues(4, random);
        float[] expected = new float[x.length];
        for (int row = 0; row < 6; row++) {
            double mean = 0;
            for (int i = 0; i < 4; i++) {
                mean += x[row * 4 + i] / 4.0;
            }
            double variance = 0;
            for (int i = 0; i < 4; i++) {
                variance += Math.pow(x[row * 4 + i] - mean, 2) / 4;
            }
            for (int i = 0; i < 4; i++) {
                expected[row * 4 + i] =
                        (float) ((x[row * 4 + i] - mean) / Math.sqrt(variance + 1e-5) * gamma[i] + beta[i]);
            }
        }
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false)
                    .withParameter("ln.gamma", new long[] {4}, gamma)
                    .withParameter("ln.beta", new long[] {4}, beta);
            Operand<TFloat32> y = Layers.layerNorm(model, model.constant(new long[] {2, 3, 4}, x), "ln");
            assertArrayEquals(expected, model.run(y), 1e-5f);
        }
    }

    private static float[] gelu(float[] x) {
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false);
            return model.run(Layers.gelu(model, model.constant(new long[] {x.length}, x)));
        }
    }

    /** The Maclaurin series of erf, which converges fast enough in double precision for |z| < 3. */
    private static double erf(double z) {
        double term = z;
        double sum = z;
        for (int n = 1; n < 100; n++) {
            term *= -z * z / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    private static float[] convolve(float[] image, long[] imageShape, float[] kernel, long[] kernelShape, int stride,
                                    int padding, long[] outputShape) {
        try (Graph graph = new Graph()) {
            ConstantGraph model = new ConstantGraph(graph, false).withParameter("k.weight", kernelShape, kernel);
            Operand<TFloat32> y = Layers.conv2d(model, model.constant(imageShape, image), "k.weight", stride, padding);
            float[] values = model.run(y);
            assertEquals(Shape.of(outputShape).size(), values.length);
            return values;
        }
    }

    /** NHWC input, HWIO kernel, zero padding on every side. */
    private static float[] directConvolution(float[] image, int batch, int side, int in, float[] kernel, int size,
                                             int out, int stride, int padding) {
        int outSide = (side + 2 * padding - size) / stride + 1;
        float[] result = new float[batch * outSide * outSide * out];
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < outSide; r++) {
                for (int c = 0; c < outSide; c++) {
                    for (int o = 0; o < out; o++) {
                        double sum = 0;
                        for (int kr = 0; kr < size; kr++) {
                            for (int kc = 0; kc < size; kc++) {
                                int row = r * stride + kr - padding;
                                int column = c * stride + kc - padding;
                                if (row < 0 || row >= side || column < 0 || column >= side) {
                                    continue;
                                }
                                for (int i = 0; i < in; i++) {
                                    sum += image[((b * side + row) * side + column) * in + i]
                                            * kernel[((kr * size + kc) * in + i) * out + o];
                                }
                            }
                        }
                        result[((b * outSide + r) * outSide + c) * out + o] = (float) sum;
                    }
                }
            }
        }
        return result;
    }

    static float[] randomValues(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
