package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

/**
 * The resource variables of a model's parameters and state, and what an {@link Architecture} sees of them while it
 * builds its forward pass. Each variable is read once per step; both modes share that read.
 */
final class VariableStore implements ModelGraph {

    /** A variable, its read, and the placeholder and op that load a value into it. */
    record Variable(String name, long[] shape, Operand<?> handle, Operand<TFloat32> read,
                    Placeholder<TFloat32> loadValue, Op load) {
    }

    private final Map<String, Variable> parameters = new LinkedHashMap<>();
    private final Map<String, Variable> states = new LinkedHashMap<>();
    private final Map<String, String> stateOwners = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> stateUpdates = new LinkedHashMap<>();
    private final Set<String> frozen;
    private final boolean adaptsFrozenStatistics;
    private final boolean trainingNetwork;
    private Ops modeOps;
    private boolean training;

    /**
     * The variables of {@code architecture}; {@code trainingNetwork} tells whether the network will train, and then
     * {@code frozen} names the parameters it will not update and {@code adaptsFrozenStatistics} whether their
     * normalisation layers still use and update batch statistics.
     */
    VariableStore(Ops tf, Architecture architecture, boolean trainingNetwork, Set<String> frozen,
                  boolean adaptsFrozenStatistics) {
        requireNonNull(tf, "tf is null");
        requireNonNull(architecture, "architecture is null");
        for (ParameterSpec parameter : architecture.parameters()) {
            addUnique(parameters, create(tf, "parameters", parameter.name(), parameter.shape()));
        }
        for (StateSpec state : architecture.state()) {
            if (!parameters.containsKey(state.owner())) {
                throw new IllegalArgumentException(
                        "state " + state.name() + " is owned by " + state.owner() + ", which is not a parameter");
            }
            if (parameters.containsKey(state.name())) {
                throw new IllegalArgumentException("the architecture declares " + state.name() + " twice");
            }
            addUnique(states, create(tf, "state", state.name(), state.shape()));
            stateOwners.put(state.name(), state.owner());
        }
        for (String name : frozen) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("cannot freeze " + name + ": the model has no such parameter");
            }
        }
        this.frozen = Set.copyOf(frozen);
        this.adaptsFrozenStatistics = adaptsFrozenStatistics;
        this.trainingNetwork = trainingNetwork;
        this.modeOps = tf;
    }

    /**
     * A variable named {@code group/name}, unique in the graph. The explicit shared name matters: TensorFlow gives
     * every handle without one the same resource.
     */
    static Variable create(Ops tf, String group, String name, long[] shape) {
        String sharedName = group + "/" + name;
        Operand<?> handle = tf.withSubScope(group).withName(name)
                .varHandleOp(TFloat32.class, Shape.of(shape), VarHandleOp.sharedName(sharedName));
        Operand<TFloat32> read = tf.withSubScope("read").withName(name).readVariableOp(handle, TFloat32.class);
        Placeholder<TFloat32> loadValue = tf.withSubScope("load_value").withName(name)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        Op load = tf.withSubScope("load").withName(name).assignVariableOp(handle, loadValue);
        return new Variable(name, shape.clone(), handle, read, loadValue, load);
    }

    /** Subsequent forward-pass ops are built in {@code modeOps} and, while {@code training}, may update state. */
    void enterMode(Ops modeOps, boolean training) {
        this.modeOps = requireNonNull(modeOps, "modeOps is null");
        this.training = training;
    }

    @Override
    public Ops tf() {
        return modeOps;
    }

    @Override
    public Operand<TFloat32> parameter(String name) {
        return lookUp(parameters, "parameter", name).read();
    }

    @Override
    public boolean trainable(String name) {
        lookUp(parameters, "parameter", name);
        return trainingNetwork && !frozen.contains(name);
    }

    @Override
    public boolean usesBatchStatistics(String name) {
        lookUp(parameters, "parameter", name);
        return trainingNetwork && (adaptsFrozenStatistics || !frozen.contains(name));
    }

    @Override
    public Operand<TFloat32> state(String name) {
        return lookUp(states, "state", name).read();
    }

    @Override
    public void updateState(String name, Operand<TFloat32> value) {
        requireNonNull(value, "value is null");
        lookUp(states, "state", name);
        if (!training) {
            throw new IllegalStateException("state " + name + " can only be updated by the training-mode forward pass");
        }
        if (stateUpdates.putIfAbsent(name, value) != null) {
            throw new IllegalStateException("state " + name + " is updated twice in one forward pass");
        }
    }

    Map<String, Variable> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    Map<String, Variable> states() {
        return Collections.unmodifiableMap(states);
    }

    String ownerOf(String stateName) {
        return stateOwners.get(stateName);
    }

    Map<String, Operand<TFloat32>> stateUpdates() {
        return Collections.unmodifiableMap(stateUpdates);
    }

    private static void addUnique(Map<String, Variable> variables, Variable variable) {
        if (variables.putIfAbsent(variable.name(), variable) != null) {
            throw new IllegalArgumentException("the architecture declares " + variable.name() + " twice");
        }
    }

    private static Variable lookUp(Map<String, Variable> variables, String kind, String name) {
        requireNonNull(name, "name is null");
        Variable variable = variables.get(name);
        if (variable == null) {
            throw new IllegalArgumentException(
                    "the forward pass uses " + kind + " " + name + ", which the architecture does not declare");
        }
        return variable;
    }
}
