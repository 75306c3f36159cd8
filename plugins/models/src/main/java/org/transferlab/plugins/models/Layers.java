package org.transferlab.plugins.models;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;

/**
 * The layers the models are built from, so that each model reads like its table in the specification. Layer
 * {@code name} owns the parameters {@code name.weight} and {@code name.bias}. Tensors are NHWC; convolution weights
 * are HWIO and dense weights [in, out], TensorFlow's layouts.
 */
final class Layers {

    private Layers() {
    }

    /** Weight [k, k, in, out] (He-normal) and bias [out] (zeros) of a k×k convolution. */
    static List<ParameterSpec> convParameters(String name, int kernel, int in, int out) {
        return List.of(
                new ParameterSpec(name + ".weight", new long[] {kernel, kernel, in, out},
                        new Initializer.HeNormal((long) kernel * kernel * in)),
                new ParameterSpec(name + ".bias", new long[] {out}, new Initializer.Constant(0)));
    }

    /** Weight [in, out] (He-normal) and bias [out] (zeros) of a fully connected layer. */
    static List<ParameterSpec> denseParameters(String name, int in, int out) {
        return List.of(
                new ParameterSpec(name + ".weight", new long[] {in, out}, new Initializer.HeNormal(in)),
                new ParameterSpec(name + ".bias", new long[] {out}, new Initializer.Constant(0)));
    }

    /** Convolution with {@code name.weight}, then {@code name.bias}. */
    static Operand<TFloat32> conv(ModelGraph graph, Operand<TFloat32> x, String name, int stride, int padding) {
        return biasAdd(graph, conv2d(graph, x, name + ".weight", stride, padding), name + ".bias");
    }

    /** Convolution without bias; {@code padding} zero rows and columns on every side, as in PyTorch. */
    static Operand<TFloat32> conv2d(ModelGraph graph, Operand<TFloat32> x, String weight, int stride, int padding) {
        Ops tf = graph.tf();
        Operand<TFloat32> kernel = graph.parameter(weight);
        long kernelSize = kernel.shape().get(0);
        List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
        if (padding == 0) {
            return tf.nn.conv2d(x, kernel, strides, "VALID");
        }
        if (stride == 1 && 2L * padding == kernelSize - 1) {
            return tf.nn.conv2d(x, kernel, strides, "SAME");
        }
        // TensorFlow's SAME padding is asymmetric for strided convolutions, and the gradient of its EXPLICIT padding
        // fails (the backprop op loses the paddings), so pad by hand.
        Operand<TFloat32> padded = tf.pad(x,
                tf.constant(new int[][] {{0, 0}, {padding, padding}, {padding, padding}, {0, 0}}), tf.constant(0f));
        return tf.nn.conv2d(padded, kernel, strides, "VALID");
    }

    static Operand<TFloat32> biasAdd(ModelGraph graph, Operand<TFloat32> x, String bias) {
        return graph.tf().nn.biasAdd(x, graph.parameter(bias));
    }

    /** x · {@code name.weight} + {@code name.bias}. */
    static Operand<TFloat32> dense(ModelGraph graph, Operand<TFloat32> x, String name) {
        Ops tf = graph.tf();
        return biasAdd(graph, tf.linalg.matMul(x, graph.parameter(name + ".weight")), name + ".bias");
    }

    /** Max pooling over {@code size}×{@code size} windows with stride {@code size}, dropping an odd last row. */
    static Operand<TFloat32> maxPool(ModelGraph graph, Operand<TFloat32> x, int size) {
        Ops tf = graph.tf();
        Operand<TInt32> window = tf.constant(new int[] {1, size, size, 1});
        return tf.nn.maxPool(x, window, window, "VALID");
    }

    static Operand<TFloat32> relu(ModelGraph graph, Operand<TFloat32> x) {
        return graph.tf().nn.relu(x);
    }

    /** [batch, h, w, c] → [batch, h·w·c], in NHWC order. */
    static Operand<TFloat32> flatten(ModelGraph graph, Operand<TFloat32> x) {
        Shape shape = x.shape();
        long features = 1;
        for (int i = 1; i < shape.numDimensions(); i++) {
            features *= shape.get(i);
        }
        Ops tf = graph.tf();
        return tf.reshape(x, tf.constant(new long[] {-1, features}));
    }
}
