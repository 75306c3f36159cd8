package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.VariableStore.Variable;

/**
 * The ops of one training step: loss, gradients of the trainable parameters only, their optimizer updates and the
 * state updates of trainable layers. Frozen parameters get no update op at all, so they cannot change.
 */
final class TrainingGraph {

    private final OptimizerSettings optimizer;
    private final Operand<TFloat32> loss;
    private final Operand<TInt32> correct;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final List<Op> updates = new ArrayList<>();
    private final List<Op> slotResets = new ArrayList<>();
    private long steps;

    TrainingGraph(Ops tf, VariableStore variables, Operand<TFloat32> logits, Operand<TInt32> labels,
                  Operand<TFloat32> oneHotLabels, Set<String> frozen, OptimizerSettings optimizer) {
        this.optimizer = requireNonNull(optimizer, "optimizer is null");
        Ops scope = tf.withSubScope("training");
        loss = scope.math.mean(scope.nn.softmaxCrossEntropyWithLogits(logits, oneHotLabels).loss(), scope.constant(0));
        Operand<TInt32> predictions = scope.math.argMax(logits, scope.constant(1), TInt32.class);
        correct = scope.reduceSum(scope.dtypes.cast(scope.math.equal(predictions, labels), TInt32.class),
                scope.constant(0));
        learningRate = scalarPlaceholder(scope, "learning_rate");
        beta1Power = scalarPlaceholder(scope, "beta1_power");
        beta2Power = scalarPlaceholder(scope, "beta2_power");

        List<Variable> trainable = variables.parameters().values().stream()
                .filter(variable -> !frozen.contains(variable.name()))
                .toList();
        if (!trainable.isEmpty()) {
            Operand<TFloat32> objective = withWeightDecay(scope, loss, trainable);
            Gradients gradients = scope.gradients(objective, trainable.stream().map(Variable::read).toList());
            for (int i = 0; i < trainable.size(); i++) {
                updates.add(applyUpdate(scope, trainable.get(i), gradients.dy(i)));
            }
        }
        for (Map.Entry<String, Operand<TFloat32>> update : variables.stateUpdates().entrySet()) {
            if (variables.usesBatchStatistics(variables.ownerOf(update.getKey()))) {
                Variable state = variables.states().get(update.getKey());
                updates.add(scope.withName("update_" + state.name()).assignVariableOp(state.handle(), update.getValue()));
            }
        }
    }

    /** Sets every optimizer slot to zero, as before the first step. */
    void resetOptimizer(Session session) {
        if (!slotResets.isEmpty()) {
            Session.Runner runner = session.runner();
            slotResets.forEach(runner::addTarget);
            runner.run();
        }
        steps = 0;
    }

    StepResult step(Session session, Operand<TFloat32> imagesInput, TFloat32 images, Operand<TInt32> labelsInput,
                    TInt32 labels, float rate) {
        return step(session, imagesInput, images, labelsInput, labels, rate, null).result();
    }

    /** A step and, when {@code trace} is not null, TensorFlow's run metadata under those run options. */
    Traced step(Session session, Operand<TFloat32> imagesInput, TFloat32 images, Operand<TInt32> labelsInput,
                TInt32 labels, float rate, RunOptions trace) {
        long step = steps + 1;
        try (TFloat32 rateTensor = TFloat32.scalarOf(rate);
             TFloat32 beta1PowerTensor = TFloat32.scalarOf((float) Math.pow(OptimizerSettings.ADAM_BETA1, step));
             TFloat32 beta2PowerTensor = TFloat32.scalarOf((float) Math.pow(OptimizerSettings.ADAM_BETA2, step))) {
            Session.Runner runner = session.runner()
                    .feed(imagesInput, images)
                    .feed(labelsInput, labels)
                    .feed(learningRate, rateTensor)
                    .feed(beta1Power, beta1PowerTensor)
                    .feed(beta2Power, beta2PowerTensor)
                    .fetch(loss)
                    .fetch(correct);
            updates.forEach(runner::addTarget);
            if (trace != null) {
                runner.setOptions(trace);
            }
            try (Result result = trace != null ? runner.runAndFetchMetadata() : runner.run()) {
                steps = step;
                StepResult stepResult = new StepResult(((TFloat32) result.get(0)).getFloat(),
                        ((TInt32) result.get(1)).getInt());
                return new Traced(stepResult, result.getMetadata().orElse(null));
            }
        }
    }

    /** A step's result and its run metadata, null when it was not traced. */
    record Traced(StepResult result, RunMetadata metadata) {
    }

    private Operand<TFloat32> withWeightDecay(Ops tf, Operand<TFloat32> loss, List<Variable> trainable) {
        if (optimizer.weightDecay() == 0) {
            return loss;
        }
        List<Operand<TFloat32>> squaredNorms = trainable.stream()
                .filter(variable -> variable.name().endsWith(".weight"))
                .<Operand<TFloat32>>map(variable -> tf.reduceSum(
                        tf.math.square(tf.reshape(variable.read(), tf.constant(new int[] {-1}))), tf.constant(0)))
                .toList();
        if (squaredNorms.isEmpty()) {
            return loss;
        }
        Operand<TFloat32> halfDecay = tf.constant((float) (optimizer.weightDecay() / 2));
        return tf.math.add(loss, tf.math.mul(halfDecay, tf.math.addN(squaredNorms)));
    }

    private Op applyUpdate(Ops tf, Variable parameter, Operand<TFloat32> gradient) {
        Ops named = tf.withName("apply_" + parameter.name());
        if (optimizer.kind() == OptimizerKind.ADAM) {
            Variable firstMoment = slot(tf, "adam_m", parameter);
            Variable secondMoment = slot(tf, "adam_v", parameter);
            return named.train.resourceApplyAdam(parameter.handle(), firstMoment.handle(), secondMoment.handle(),
                    beta1Power, beta2Power, learningRate,
                    tf.constant((float) OptimizerSettings.ADAM_BETA1),
                    tf.constant((float) OptimizerSettings.ADAM_BETA2),
                    tf.constant((float) OptimizerSettings.ADAM_EPSILON),
                    gradient);
        }
        Variable accumulator = slot(tf, "momentum", parameter);
        return named.train.resourceApplyMomentum(parameter.handle(), accumulator.handle(), learningRate, gradient,
                tf.constant((float) optimizer.momentum()));
    }

    private Variable slot(Ops tf, String kind, Variable parameter) {
        Variable slot = VariableStore.create(tf, kind, parameter.name(), parameter.shape());
        Ops reset = tf.withSubScope("reset_" + kind).withName(parameter.name());
        slotResets.add(reset.assignVariableOp(slot.handle(),
                reset.zeros(reset.constant(parameter.shape()), TFloat32.class)));
        return slot;
    }

    private static Placeholder<TFloat32> scalarPlaceholder(Ops tf, String name) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }
}
