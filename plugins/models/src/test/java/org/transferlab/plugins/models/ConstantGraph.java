package org.transferlab.plugins.models;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.ModelGraph;

/**
 * A {@link ModelGraph} for testing single layers: parameters and state are constants, every parameter is trainable or
 * none is, and state updates are recorded so that a test can fetch them.
 */
final class ConstantGraph implements ModelGraph {

    private final Graph graph;
    private final Ops tf;
    private final boolean trainable;
    private final Map<String, Operand<TFloat32>> parameters = new HashMap<>();
    private final Map<String, Operand<TFloat32>> states = new HashMap<>();
    private final Map<String, Operand<TFloat32>> updates = new LinkedHashMap<>();

    ConstantGraph(Graph graph, boolean trainable) {
        this.graph = graph;
        this.tf = Ops.create(graph);
        this.trainable = trainable;
    }

    ConstantGraph withParameter(String name, long[] shape, float... values) {
        parameters.put(name, constant(shape, values));
        return this;
    }

    ConstantGraph withState(String name, long[] shape, float... values) {
        states.put(name, constant(shape, values));
        return this;
    }

    Operand<TFloat32> constant(long[] shape, float... values) {
        return tf.constant(Shape.of(shape), DataBuffers.of(values));
    }

    /** The state updates that the layers asked for, by state name. */
    Map<String, Operand<TFloat32>> updates() {
        return updates;
    }

    /** Runs the graph and returns each operand's values, flattened in row-major order. */
    List<float[]> run(List<Operand<TFloat32>> operands) {
        try (Session session = new Session(graph)) {
            Session.Runner runner = session.runner();
            operands.forEach(runner::fetch);
            try (Result result = runner.run()) {
                return IntStream.range(0, operands.size())
                        .mapToObj(i -> values((TFloat32) result.get(i)))
                        .toList();
            }
        }
    }

    float[] run(Operand<TFloat32> operand) {
        return run(List.of(operand)).get(0);
    }

    private static float[] values(TFloat32 tensor) {
        float[] values = new float[Math.toIntExact(tensor.shape().size())];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    @Override
    public Ops tf() {
        return tf;
    }

    @Override
    public Operand<TFloat32> parameter(String name) {
        return lookUp(parameters, name);
    }

    @Override
    public boolean trainable(String name) {
        lookUp(parameters, name);
        return trainable;
    }

    @Override
    public Operand<TFloat32> state(String name) {
        return lookUp(states, name);
    }

    @Override
    public void updateState(String name, Operand<TFloat32> value) {
        lookUp(states, name);
        if (updates.putIfAbsent(name, value) != null) {
            throw new IllegalStateException(name + " is updated twice");
        }
    }

    private static Operand<TFloat32> lookUp(Map<String, Operand<TFloat32>> operands, String name) {
        Operand<TFloat32> operand = operands.get(name);
        if (operand == null) {
            throw new IllegalArgumentException("no constant named " + name);
        }
        return operand;
    }
}
