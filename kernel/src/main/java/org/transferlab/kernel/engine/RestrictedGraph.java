package org.transferlab.kernel.engine;

import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.ModelGraph;

/**
 * The variables a part of a {@link org.transferlab.api.model.Cut} may read: a prefix reads only its own parameters and
 * their state, a suffix none of them. Reading anything else is a bug in the architecture's cut, reported as such.
 */
final class RestrictedGraph implements ModelGraph {

    private final VariableStore variables;
    private final Set<String> allowed;
    private final String part;

    RestrictedGraph(VariableStore variables, Set<String> allowed, String part) {
        this.variables = variables;
        this.allowed = Set.copyOf(allowed);
        this.part = part;
    }

    @Override
    public Ops tf() {
        return variables.tf();
    }

    @Override
    public Operand<TFloat32> parameter(String name) {
        check(name, name);
        return variables.parameter(name);
    }

    @Override
    public boolean trainable(String name) {
        check(name, name);
        return variables.trainable(name);
    }

    @Override
    public boolean usesBatchStatistics(String name) {
        check(name, name);
        return variables.usesBatchStatistics(name);
    }

    @Override
    public Operand<TFloat32> state(String name) {
        check(name, variables.ownerOf(name));
        return variables.state(name);
    }

    @Override
    public void updateState(String name, Operand<TFloat32> value) {
        check(name, variables.ownerOf(name));
        variables.updateState(name, value);
    }

    private void check(String name, String owner) {
        if (owner != null && !allowed.contains(owner)) {
            throw new IllegalStateException("the architecture's cut is wrong: its " + part + " reads " + name
                    + ", which belongs to the other side of the cut");
        }
    }
}
