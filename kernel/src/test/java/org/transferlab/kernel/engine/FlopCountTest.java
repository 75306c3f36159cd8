package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;

class FlopCountTest {

    @Test
    void denseLayersCostTwoFlopsPerWeight() {
        // 784 -> 32 -> 10: 2 * (784 * 32 + 32 * 10) per image; bias additions are not counted.
        assertEquals(Map.of("MatMul", 2L * (784 * 32 + 32 * 10)),
                FlopCount.forwardPerImage(new TwoLayerPerceptron(32, 10)));
    }

    @Test
    void convolutionsCostTwoFlopsPerKernelWeightPerOutputPosition() {
        // 3x3 stride 1 SAME, 1 -> 4 channels on 28x28: 28 * 28 * 4 outputs, 9 multiply-adds each; then a strided 5x5
        // VALID convolution 4 -> 2 channels: 12 * 12 * 2 outputs, 5 * 5 * 4 multiply-adds each.
        long expected = 2L * 28 * 28 * 4 * 9 + 2L * 12 * 12 * 2 * 5 * 5 * 4;
        Map<String, Long> flops = FlopCount.forwardPerImage(new TwoConvolutions());
        assertEquals(expected, flops.get("Conv2D"));
        assertEquals(expected + 2L * 288 * 3, FlopCount.total(flops));
    }

    /** conv 3x3 (SAME) 1->4, conv 5x5 stride 2 (VALID) 4->2, dense 288->3. */
    private static final class TwoConvolutions implements Architecture {
        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    new ParameterSpec("a", new long[] {3, 3, 1, 4}, new Initializer.Constant(0)),
                    new ParameterSpec("b", new long[] {5, 5, 4, 2}, new Initializer.Constant(0)),
                    new ParameterSpec("c", new long[] {288, 3}, new Initializer.Constant(0)));
        }

        @Override
        public List<String> headParameters() {
            return List.of("c");
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
            Ops tf = graph.tf();
            Operand<TFloat32> x = tf.nn.conv2d(images, graph.parameter("a"), List.of(1L, 1L, 1L, 1L), "SAME");
            x = tf.nn.conv2d(x, graph.parameter("b"), List.of(1L, 2L, 2L, 1L), "VALID");
            x = tf.reshape(x, tf.constant(new long[] {-1, 288}));
            return tf.linalg.matMul(x, graph.parameter("c"));
        }
    }
}
