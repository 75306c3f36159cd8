package org.transferlab.api.model;

import java.util.Objects;

/**
 * Where one tensor of a PyTorch {@code state_dict} comes from: a parameter or state tensor of the architecture, and how
 * its layout changes on the way. The kernel converts in both directions, so that a trained model can be loaded into
 * the PyTorch module the entries describe with {@code load_state_dict(strict=True)}, and a model trained in PyTorch can
 * be read back.
 *
 * @param key            the state_dict key, e.g. {@code conv1.weight} or {@code block1.0.conv1.1.running_var}
 * @param tensor         the architecture's parameter or state name, e.g. {@code conv1.weight}; null for
 *                       {@link Layout#BATCHES_TRACKED}
 * @param layout         how the tensor's layout differs
 * @param flattenedFrom  for {@link Layout#LINEAR_WEIGHT_FROM_NHWC}, the [height, width, channels] that were flattened
 *                       into the layer's input; null otherwise
 * @since 1.6
 */
public record StateDictEntry(String key, String tensor, Layout layout, long[] flattenedFrom) {

    /** How a tensor is laid out in PyTorch compared with here. */
    public enum Layout {
        /** The same values in the same shape (biases, normalisation scales, shifts and statistics). */
        SAME,
        /** A convolution kernel: [kh, kw, in, out] here, [out, in, kh, kw] in PyTorch. */
        CONV_KERNEL,
        /** A dense weight: [in, out] here, [out, in] in PyTorch ({@code nn.Linear}). */
        LINEAR_WEIGHT,
        /** A dense weight applied as a kernel-1 {@code nn.Conv1d}: [in, out] here, [out, in, 1] in PyTorch. */
        CONV1D_WEIGHT,
        /**
         * A dense weight whose input was flattened from [h, w, c] (channels last) here and from [c, h, w] (channels
         * first) in PyTorch: its rows are reordered as well as transposed.
         */
        LINEAR_WEIGHT_FROM_NHWC,
        /** BatchNorm's {@code num_batches_tracked}: an int64 scalar with no counterpart here, written as 0. */
        BATCHES_TRACKED
    }

    public StateDictEntry {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(layout, "layout is null");
        if ((tensor == null) != (layout == Layout.BATCHES_TRACKED)) {
            throw new IllegalArgumentException(key + ": only num_batches_tracked has no tensor");
        }
        if ((flattenedFrom != null) != (layout == Layout.LINEAR_WEIGHT_FROM_NHWC)) {
            throw new IllegalArgumentException(key + ": flattenedFrom belongs to LINEAR_WEIGHT_FROM_NHWC only");
        }
        flattenedFrom = flattenedFrom == null ? null : flattenedFrom.clone();
    }

    public static StateDictEntry same(String key, String tensor) {
        return new StateDictEntry(key, tensor, Layout.SAME, null);
    }

    public static StateDictEntry of(String key, String tensor, Layout layout) {
        return new StateDictEntry(key, tensor, layout, null);
    }

    public static StateDictEntry batchesTracked(String key) {
        return new StateDictEntry(key, null, Layout.BATCHES_TRACKED, null);
    }

    @Override
    public long[] flattenedFrom() {
        return flattenedFrom == null ? null : flattenedFrom.clone();
    }
}
