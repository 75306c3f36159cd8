package org.transferlab.api.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A network described by its parameter tensors, in canonical order, and a function that builds its forward pass.
 *
 * <p>The kernel owns the variables: it creates one for every {@link ParameterSpec} and {@link StateSpec}, initialises
 * them from the declared {@link Initializer} with the experiment's seed, saves and restores them, and decides which
 * are trained. The architecture only reads them through {@link ModelGraph}.
 */
public interface Architecture {

    /** Every trainable tensor, in the canonical order that {@code freeze: {first: N}} counts in. */
    List<ParameterSpec> parameters();

    /** Non-trainable state such as BatchNorm moving statistics; saved and restored with the parameters. */
    default List<StateSpec> state() {
        return List.of();
    }

    /** Names of the classifier head's parameters, replaced when fine-tuning to a different number of classes. */
    List<String> headParameters();

    /**
     * Builds the forward pass from {@code images} (shape [batch, 28, 28, 1], NHWC because TensorFlow's CPU kernels
     * need it; values in [0,1]) to logits
     * ([batch, classes]). Called once with {@code training} true for the training step and once with false for
     * evaluation and attacks; both calls share the same variables.
     */
    Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training);

    /**
     * The points where the forward pass can be split into a prefix and a suffix, in increasing order of
     * {@link Cut#prefixParameters()}; none by default. The kernel uses them to train above a frozen prefix on features
     * it computes once per image.
     */
    default List<Cut> cuts() {
        return List.of();
    }

    /**
     * The PyTorch {@code state_dict} of the module this architecture reproduces, entry by entry, in the module's own
     * order; empty when there is none. {@code transferlab export --pytorch} writes it, and a model entry's
     * {@code weights:} reads one.
     *
     * @since 1.6
     */
    default List<StateDictEntry> stateDict() {
        return List.of();
    }
}
