package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.ModelGraph;

/**
 * An inference-mode forward pass whose parameters and state are fixed tensors (constants of an exported model, zeros
 * for counting FLOPs): nothing trains and no state changes. Each tensor is made once, on first use.
 */
final class FixedWeights implements ModelGraph {

    private final Ops tf;
    private final Function<String, Operand<TFloat32>> source;
    private final Map<String, Operand<TFloat32>> made = new HashMap<>();

    FixedWeights(Ops tf, Function<String, Operand<TFloat32>> source) {
        this.tf = requireNonNull(tf, "tf is null");
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public Ops tf() {
        return tf;
    }

    @Override
    public Operand<TFloat32> parameter(String name) {
        return made.computeIfAbsent(name, source);
    }

    @Override
    public boolean trainable(String name) {
        parameter(name);
        return false;
    }

    @Override
    public Operand<TFloat32> state(String name) {
        return made.computeIfAbsent(name, source);
    }

    @Override
    public void updateState(String name, Operand<TFloat32> value) {
        throw new IllegalStateException("a forward pass with fixed weights cannot update state " + name);
    }
}
