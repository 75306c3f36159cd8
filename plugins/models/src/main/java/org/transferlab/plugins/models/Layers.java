package org.transferlab.plugins.models;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

/**
 * The layers the models are built from, so that each model reads like its table in the specification. Layer
 * {@code name} owns the parameters {@code name.weight} and {@code name.bias} (a normalisation layer
 * {@code name.gamma} and {@code name.beta}). Tensors are NHWC; convolution weights are HWIO and dense weights
 * [in, out], TensorFlow's layouts. Normalisation follows PyTorch's conventions.
 */
final class Layers {

    /** Added to the variance by batch and layer normalisation, as PyTorch does. */
    static final float NORM_EPSILON = 1e-5f;
    /** The weight of a batch's statistics in a BatchNorm moving average (PyTorch's momentum). */
    static final float BATCH_NORM_MOMENTUM = 0.1f;

    private Layers() {
    }

    /** Weight [k, k, in, out] and bias [out] of a k×k convolution; fan-in k·k·in. */
    static List<ParameterSpec> convParameters(String name, int kernel, int in, int out, WeightInit init) {
        long fanIn = (long) kernel * kernel * in;
        return List.of(
                new ParameterSpec(name + ".weight", new long[] {kernel, kernel, in, out}, init.weight(fanIn)),
                new ParameterSpec(name + ".bias", new long[] {out}, init.bias(fanIn)));
    }

    /** Weight [k, k, in, out] of a k×k convolution without bias, for one followed by BatchNorm. */
    static List<ParameterSpec> convParametersWithoutBias(String name, int kernel, int in, int out, WeightInit init) {
        return List.of(convParameters(name, kernel, in, out, init).get(0));
    }

    /** Weight [in, out] and bias [out] of a fully connected layer; fan-in {@code in}. */
    static List<ParameterSpec> denseParameters(String name, int in, int out, WeightInit init) {
        return List.of(
                new ParameterSpec(name + ".weight", new long[] {in, out}, init.weight(in)),
                new ParameterSpec(name + ".bias", new long[] {out}, init.bias(in)));
    }

    /** Convolution with {@code name.weight}, then {@code name.bias}. */
    static Operand<TFloat32> conv(ModelGraph graph, Operand<TFloat32> x, String name, int stride, int padding) {
        return biasAdd(graph, conv2d(graph, x, name + ".weight", stride, padding), name + ".bias");
    }

    /** Convolution with {@code name.weight} and no bias. */
    static Operand<TFloat32> convWithoutBias(ModelGraph graph, Operand<TFloat32> x, String name, int stride,
                                             int padding) {
        return conv2d(graph, x, name + ".weight", stride, padding);
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

    /**
     * x · {@code name.weight} + {@code name.bias} over the last axis of x, whose dimensions other than the first (the
     * batch) must be known: [batch, …, in] → [batch, …, out].
     */
    static Operand<TFloat32> denseOverLastAxis(ModelGraph graph, Operand<TFloat32> x, String name) {
        Ops tf = graph.tf();
        long[] shape = x.shape().asArray();
        int last = shape.length - 1;
        Operand<TFloat32> rows = tf.reshape(x, tf.constant(new long[] {-1, shape[last]}));
        Operand<TFloat32> y = dense(graph, rows, name);
        shape[0] = -1;
        shape[last] = y.shape().get(1);
        return tf.reshape(y, tf.constant(shape));
    }

    /** Max pooling over {@code size}×{@code size} windows with stride {@code size}, dropping an odd last row. */
    static Operand<TFloat32> maxPool(ModelGraph graph, Operand<TFloat32> x, int size) {
        return pool(graph, x, size, size, "VALID");
    }

    /**
     * Max pooling over {@code size}×{@code size} windows (size odd) with stride 1 and padding (size − 1) / 2, which
     * keeps the spatial size. TensorFlow's SAME pooling ignores the padded cells, as PyTorch's −∞ padding does.
     */
    static Operand<TFloat32> maxPoolSame(ModelGraph graph, Operand<TFloat32> x, int size) {
        if (size % 2 == 0) {
            throw new IllegalArgumentException("SAME max pooling needs an odd window, got " + size);
        }
        return pool(graph, x, size, 1, "SAME");
    }

    /**
     * TensorFlow's MaxPool op with the window as attributes. The Ops API builds MaxPoolV2, whose window is a tensor;
     * oneDNN's kernels replace MaxPool and its gradient only, and MaxPoolV2's gradient is several times slower.
     */
    private static Operand<TFloat32> pool(ModelGraph graph, Operand<TFloat32> x, int size, int stride,
                                          String padding) {
        Scope scope = graph.tf().scope();
        OperationBuilder builder = scope.opBuilder("MaxPool", "MaxPool");
        return builder.addInput(x.asOutput())
                .setAttr("ksize", new long[] {1, size, size, 1})
                .setAttr("strides", new long[] {1, stride, stride, 1})
                .setAttr("padding", padding)
                .build()
                .output(0);
    }

    /** [batch, h, w, c] → [batch, c]: the mean of each channel. */
    static Operand<TFloat32> globalAveragePool(ModelGraph graph, Operand<TFloat32> x) {
        Ops tf = graph.tf();
        return tf.math.mean(x, tf.constant(new int[] {1, 2}));
    }

    /**
     * [batch, side, side, 1] → [batch, n², size²] with n = side / size: the non-overlapping size×size patches. Patch
     * (i, j), the i-th from the top and j-th from the left, is row i·n + j; within a patch, pixel (r, c) is value
     * r·size + c. Both orders are row-major.
     */
    static Operand<TFloat32> patches(ModelGraph graph, Operand<TFloat32> images, int size) {
        long side = images.shape().get(1);
        if (images.shape().get(2) != side || images.shape().get(3) != 1 || side % size != 0) {
            throw new IllegalArgumentException(
                    "cannot cut " + size + "×" + size + " patches from images of shape " + images.shape());
        }
        long n = side / size;
        Ops tf = graph.tf();
        // [batch, i, r, j, c] → [batch, i, j, r, c]
        Operand<TFloat32> split = tf.reshape(images, tf.constant(new long[] {-1, n, size, n, size}));
        Operand<TFloat32> grouped = tf.linalg.transpose(split, tf.constant(new int[] {0, 1, 3, 2, 4}));
        return tf.reshape(grouped, tf.constant(new long[] {-1, n * n, (long) size * size}));
    }

    static Operand<TFloat32> relu(ModelGraph graph, Operand<TFloat32> x) {
        return graph.tf().nn.relu(x);
    }

    /** The exact GELU, x · Φ(x) = 0.5 · x · (1 + erf(x / √2)). */
    static Operand<TFloat32> gelu(ModelGraph graph, Operand<TFloat32> x) {
        Ops tf = graph.tf();
        Operand<TFloat32> scaled = tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2))));
        return tf.math.mul(tf.math.mul(tf.constant(0.5f), x), tf.math.add(tf.constant(1f), tf.math.erf(scaled)));
    }

    /** Scale {@code name.gamma} [channels] (ones) and shift {@code name.beta} [channels] (zeros). */
    static List<ParameterSpec> batchNormParameters(String name, int channels) {
        return scaleAndShift(name, channels);
    }

    /** Scale {@code name.gamma} [features] (ones) and shift {@code name.beta} [features] (zeros). */
    static List<ParameterSpec> layerNormParameters(String name, int features) {
        return scaleAndShift(name, features);
    }

    private static List<ParameterSpec> scaleAndShift(String name, int size) {
        return List.of(
                new ParameterSpec(name + ".gamma", new long[] {size}, new Initializer.Constant(1)),
                new ParameterSpec(name + ".beta", new long[] {size}, new Initializer.Constant(0)));
    }

    /**
     * The moving statistics of BatchNorm {@code name}: {@code name.moving_mean} (zeros) and
     * {@code name.moving_variance} (ones), both owned by {@code name.gamma}.
     */
    static List<StateSpec> batchNormState(String name, int channels) {
        return List.of(
                new StateSpec(name + ".moving_mean", new long[] {channels}, 0f, name + ".gamma"),
                new StateSpec(name + ".moving_variance", new long[] {channels}, 1f, name + ".gamma"));
    }

    /**
     * BatchNorm {@code name} over the last axis of [batch, h, w, channels]. A trainable layer in the training-mode
     * pass normalises with the batch's mean and biased variance and moves its statistics towards the batch's,
     * {@code moving = 0.9 · moving + 0.1 · batch}, with the unbiased variance (n / (n − 1), n = batch · h · w).
     * Otherwise (inference, or a frozen layer while fine-tuning, unless the fine-tune adapts frozen statistics) it
     * normalises with the moving statistics.
     */
    static Operand<TFloat32> batchNorm(ModelGraph graph, Operand<TFloat32> x, String name, boolean training) {
        if (!training || !graph.usesBatchStatistics(name + ".gamma")) {
            return normalize(graph, x, graph.state(name + ".moving_mean"), graph.state(name + ".moving_variance"),
                    name);
        }
        Ops tf = graph.tf();
        // Twice as fast to train as the same computation in separate ops. With an exponential average factor of 1 the
        // moving statistics it is given are ignored, so empty ones do; its batch variance is the unbiased one.
        Operand<TFloat32> none = tf.constant(Shape.of(0), DataBuffers.of(new float[0]));
        FusedBatchNorm<TFloat32, TFloat32> batch = tf.nn.fusedBatchNorm(x, graph.parameter(name + ".gamma"),
                graph.parameter(name + ".beta"), none, none,
                FusedBatchNorm.epsilon(NORM_EPSILON), FusedBatchNorm.isTraining(true));
        graph.updateState(name + ".moving_mean", movingAverage(graph, name + ".moving_mean", batch.batchMean()));
        graph.updateState(name + ".moving_variance",
                movingAverage(graph, name + ".moving_variance", batch.batchVariance()));
        return batch.y();
    }

    /** LayerNorm {@code name} over the last axis, with the biased variance. */
    static Operand<TFloat32> layerNorm(ModelGraph graph, Operand<TFloat32> x, String name) {
        Ops tf = graph.tf();
        Operand<TInt32> lastAxis = tf.constant(new int[] {x.shape().numDimensions() - 1});
        Operand<TFloat32> mean = tf.math.mean(x, lastAxis, Mean.keepDims(true));
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), lastAxis, Mean.keepDims(true));
        return normalize(graph, x, mean, variance, name);
    }

    /** (x − mean) / √(variance + ε) · {@code name.gamma} + {@code name.beta}. */
    private static Operand<TFloat32> normalize(ModelGraph graph, Operand<TFloat32> x, Operand<TFloat32> mean,
                                               Operand<TFloat32> variance, String name) {
        Ops tf = graph.tf();
        Operand<TFloat32> scale = tf.math.mul(graph.parameter(name + ".gamma"),
                tf.math.rsqrt(tf.math.add(variance, tf.constant(NORM_EPSILON))));
        return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), graph.parameter(name + ".beta"));
    }

    private static Operand<TFloat32> movingAverage(ModelGraph graph, String state, Operand<TFloat32> batchValue) {
        Ops tf = graph.tf();
        return tf.math.add(tf.math.mul(tf.constant(1 - BATCH_NORM_MOMENTUM), graph.state(state)),
                tf.math.mul(tf.constant(BATCH_NORM_MOMENTUM), batchValue));
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
