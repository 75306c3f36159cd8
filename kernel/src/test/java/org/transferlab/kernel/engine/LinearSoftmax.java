package org.transferlab.kernel.engine;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

/**
 * logits = x · W + b, with W [784, classes], so that gradients and updates have closed forms. It also keeps a running
 * mean of the pixel values as state owned by W, to test state bookkeeping.
 */
public final class LinearSoftmax implements Architecture {

    static final String WEIGHT = "dense.weight";
    static final String BIAS = "dense.bias";
    static final String RUNNING_MEAN = "pixels.running_mean";
    static final float STATE_MOMENTUM = 0.9f;

    private final int classes;

    public LinearSoftmax(int classes) {
        this.classes = classes;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec(WEIGHT, new long[] {ImageSet.PIXELS, classes},
                        new Initializer.GlorotUniform(ImageSet.PIXELS, classes)),
                new ParameterSpec(BIAS, new long[] {classes}, new Initializer.Uniform(0.1)));
    }

    @Override
    public List<StateSpec> state() {
        return List.of(new StateSpec(RUNNING_MEAN, new long[] {1}, 0f, WEIGHT));
    }

    @Override
    public List<String> headParameters() {
        return List.of(WEIGHT, BIAS);
    }

    @Override
    public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        Ops tf = graph.tf();
        Operand<TFloat32> flat = tf.reshape(images, tf.constant(new int[] {-1, ImageSet.PIXELS}));
        if (training) {
            Operand<TFloat32> batchMean = tf.reshape(
                    tf.math.mean(tf.reshape(images, tf.constant(new int[] {-1})), tf.constant(0)),
                    tf.constant(new int[] {1}));
            graph.updateState(RUNNING_MEAN, tf.math.add(
                    tf.math.mul(tf.constant(STATE_MOMENTUM), graph.state(RUNNING_MEAN)),
                    tf.math.mul(tf.constant(1 - STATE_MOMENTUM), batchMean)));
        }
        return tf.nn.biasAdd(tf.linalg.matMul(flat, graph.parameter(WEIGHT)), graph.parameter(BIAS));
    }
}
