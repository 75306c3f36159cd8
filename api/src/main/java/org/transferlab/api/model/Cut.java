package org.transferlab.api.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A point where an architecture's forward pass splits in two: a prefix that reads only the first
 * {@link #prefixParameters()} parameters (in canonical order) and their state, and a suffix that reads only the rest.
 * For every input, {@code suffix(prefix(images))} must compute exactly what {@link Architecture#logits} computes.
 *
 * <p>When fine-tuning freezes every parameter of the prefix, the prefix runs as in inference and is a fixed function
 * of the image. The kernel then computes its output, the features, once per image and trains the suffix on them. An
 * architecture offers a cut only where its prefix has no training-time behaviour other than that of its frozen layers
 * (no dropout, for example).
 */
public interface Cut {

    /** How many leading parameters of {@link Architecture#parameters()} the prefix owns. */
    int prefixParameters();

    /** The shape of one image's features, without the batch dimension. */
    long[] featureShape();

    /** The prefix, in inference mode: from images [batch, 28, 28, 1] to features [batch, featureShape...]. */
    Operand<TFloat32> prefix(ModelGraph graph, Operand<TFloat32> images);

    /** The suffix: from features to logits, in training or inference mode like {@link Architecture#logits}. */
    Operand<TFloat32> suffix(ModelGraph graph, Operand<TFloat32> features, boolean training);
}
