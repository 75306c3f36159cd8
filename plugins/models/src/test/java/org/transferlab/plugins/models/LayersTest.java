package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.ModelGraph;

class LayersTest {

    @Test
    void stridedConvolutionPadsOnePixelOnEverySideLikePyTorch() {
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i + 1;
        }
        float[] ones = new float[9];
        Arrays.fill(ones, 1f);
        float[] output = run(image, new long[] {1, 4, 4, 1}, ones, new long[] {3, 3, 1, 1}, 2, 1, new long[] {1, 2, 2, 1});
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
            float[] actual = run(image, imageShape, kernel, kernelShape, stride, padding, new long[] {2, side, side, 3});
            assertArrayEquals(expected, actual, 1e-5f, "stride " + stride + ", padding " + padding);
        }
    }

    @Test
    void maxPoolDropsTheOddLastRowAndFlattenKeepsEveryFeature() {
        try (Graph graph = new Graph()) {
            FixedGraph model = new FixedGraph(Ops.create(graph));
            Operand<TFloat32> x = model.tf().zeros(model.tf().constant(new long[] {5, 7, 7, 256}), TFloat32.class);
            Operand<TFloat32> pooled = Layers.maxPool(model, x, 2);
            assertEquals(Shape.of(5, 3, 3, 256), pooled.shape());
            assertEquals(Shape.of(5, 2304), Layers.flatten(model, pooled).shape());
        }
    }

    private static float[] run(float[] image, long[] imageShape, float[] kernel, long[] kernelShape, int stride,
                               int padding, long[] outputShape) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            FixedGraph model = new FixedGraph(tf);
            model.parameters.put("k.weight", tf.constant(Shape.of(kernelShape), DataBuffers.of(kernel)));
            Operand<TFloat32> x = tf.constant(Shape.of(imageShape), DataBuffers.of(image));
            Operand<TFloat32> y = Layers.conv2d(model, x, "k.weight", stride, padding);
            try (Session session = new Session(graph); Result result = session.runner().fetch(y).run()) {
                TFloat32 output = (TFloat32) result.get(0);
                assertEquals(Shape.of(outputShape), output.shape());
                float[] values = new float[(int) output.shape().size()];
                output.copyTo(DataBuffers.of(values, false, false));
                return values;
            }
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

    private static float[] randomValues(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** A {@link ModelGraph} whose parameters are constants. */
    private static final class FixedGraph implements ModelGraph {
        private final Ops tf;
        private final Map<String, Operand<TFloat32>> parameters = new HashMap<>();

        FixedGraph(Ops tf) {
            this.tf = tf;
        }

        @Override
        public Ops tf() {
            return tf;
        }

        @Override
        public Operand<TFloat32> parameter(String name) {
            return parameters.get(name);
        }

        @Override
        public boolean trainable(String name) {
            return false;
        }

        @Override
        public Operand<TFloat32> state(String name) {
            throw new UnsupportedOperationException("no state");
        }

        @Override
        public void updateState(String name, Operand<TFloat32> value) {
            throw new UnsupportedOperationException("no state");
        }
    }
}
