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

/** 784 → hidden (ReLU) → classes; the output layer is the head. */
final class TwoLayerPerceptron implements Architecture {

    private final int hidden;
    private final int classes;

    TwoLayerPerceptron(int hidden, int classes) {
        this.hidden = hidden;
        this.classes = classes;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("hidden.weight", new long[] {ImageSet.PIXELS, hidden},
                        new Initializer.HeNormal(ImageSet.PIXELS)),
                new ParameterSpec("hidden.bias", new long[] {hidden}, new Initializer.Constant(0)),
                new ParameterSpec("out.weight", new long[] {hidden, classes}, new Initializer.HeNormal(hidden)),
                new ParameterSpec("out.bias", new long[] {classes}, new Initializer.Constant(0)));
    }

    @Override
    public List<String> headParameters() {
        return List.of("out.weight", "out.bias");
    }

    @Override
    public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        Ops tf = graph.tf();
        Operand<TFloat32> flat = tf.reshape(images, tf.constant(new int[] {-1, ImageSet.PIXELS}));
        Operand<TFloat32> hiddenLayer = tf.nn.relu(
                tf.nn.biasAdd(tf.linalg.matMul(flat, graph.parameter("hidden.weight")), graph.parameter("hidden.bias")));
        return tf.nn.biasAdd(tf.linalg.matMul(hiddenLayer, graph.parameter("out.weight")), graph.parameter("out.bias"));
    }
}
