package org.transferlab.plugins.models;

import static org.transferlab.plugins.models.Layers.dense;
import static org.transferlab.plugins.models.Layers.denseOverLastAxis;
import static org.transferlab.plugins.models.Layers.denseParameters;
import static org.transferlab.plugins.models.Layers.gelu;
import static org.transferlab.plugins.models.Layers.layerNorm;
import static org.transferlab.plugins.models.Layers.layerNormParameters;
import static org.transferlab.plugins.models.Layers.patches;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateDictEntry;
import org.transferlab.api.model.StateDictEntry.Layout;

/**
 * MLP-Mixer for 28×28 grayscale images (SPEC §3): non-overlapping patches (see {@link Layers#patches} for the order
 * of their pixels) → per-patch linear → {@code depth} mixer layers → LayerNorm → mean over patches → linear. A mixer
 * layer is x + TokenMix(LN1(x)), mixing across patches, then x + ChannelMix(LN2(x)), mixing across channels; both are
 * two linear layers with the exact GELU between. The first layer's parameters have no prefix, layer k ≥ 2's the
 * prefix {@code mixerK.}.
 */
final class MlpMixer implements Architecture {

    private final int numClasses;
    private final int depth;
    private final int patch;
    private final int tokens;
    private final int dim;
    private final int tokenHidden;
    private final int channelHidden;
    private final WeightInit init;

    MlpMixer(MlpMixerOptions options, int numClasses) {
        patch = options.patchOrDefault();
        if (patch < 1 || ImageSet.SIDE % patch != 0) {
            throw new IllegalArgumentException(
                    "mlp-mixer: patch must divide the image side " + ImageSet.SIDE + ", got " + patch);
        }
        depth = options.depthOrDefault();
        dim = options.dimOrDefault();
        if (depth < 1 || dim < 1) {
            throw new IllegalArgumentException(
                    "mlp-mixer: depth and dim must be positive, got " + depth + " and " + dim);
        }
        this.numClasses = numClasses;
        init = options.initOrDefault();
        tokens = (ImageSet.SIDE / patch) * (ImageSet.SIDE / patch);
        tokenHidden = hiddenWidth("token", tokens, options.tokenExpansionOrDefault());
        channelHidden = hiddenWidth("channel", dim, options.channelExpansionOrDefault());
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> parameters = new ArrayList<>(denseParameters("patch", patch * patch, dim, init));
        for (int layer = 1; layer <= depth; layer++) {
            String p = prefix(layer);
            parameters.addAll(denseParameters(p + "token1", tokens, tokenHidden, init));
            parameters.addAll(denseParameters(p + "token2", tokenHidden, tokens, init));
            parameters.addAll(layerNormParameters(p + "ln1", dim));
            parameters.addAll(denseParameters(p + "channel1", dim, channelHidden, init));
            parameters.addAll(denseParameters(p + "channel2", channelHidden, dim, init));
            parameters.addAll(layerNormParameters(p + "ln2", dim));
        }
        parameters.addAll(layerNormParameters("final_ln", dim));
        parameters.addAll(denseParameters("head", dim, numClasses, init));
        return List.copyOf(parameters);
    }

    @Override
    public List<String> headParameters() {
        return List.of("head.weight", "head.bias");
    }

    @Override
    public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        Ops tf = graph.tf();
        Operand<TFloat32> x = denseOverLastAxis(graph, patches(graph, images, patch), "patch");    // [batch, 49, 128]
        for (int layer = 1; layer <= depth; layer++) {
            String p = prefix(layer);
            x = tf.math.add(x, tokenMix(graph, layerNorm(graph, x, p + "ln1"), p));
            x = tf.math.add(x, channelMix(graph, layerNorm(graph, x, p + "ln2"), p));
        }
        x = layerNorm(graph, x, "final_ln");
        return dense(graph, tf.math.mean(x, tf.constant(1)), "head");
    }

    /**
     * The original study's module, {@code Sequential(Rearrange, Linear, layer 1 … layer depth, LayerNorm, Reduce,
     * Linear)}: each layer is {@code Sequential(PreNormResidual(token), PreNormResidual(channel))} whose {@code fn} is
     * {@code Sequential(dense, GELU, Dropout, dense, Dropout)}, the token dense being a kernel-1 {@code Conv1d}.
     */
    @Override
    public List<StateDictEntry> stateDict() {
        List<StateDictEntry> entries = new ArrayList<>();
        entries.add(StateDictEntry.of("1.weight", "patch.weight", Layout.LINEAR_WEIGHT));
        entries.add(StateDictEntry.same("1.bias", "patch.bias"));
        for (int layer = 1; layer <= depth; layer++) {
            String key = (layer + 1) + ".";
            String p = prefix(layer);
            addDense(entries, key + "0.fn.0", p + "token1", Layout.CONV1D_WEIGHT);
            addDense(entries, key + "0.fn.3", p + "token2", Layout.CONV1D_WEIGHT);
            entries.add(StateDictEntry.same(key + "0.norm.weight", p + "ln1.gamma"));
            entries.add(StateDictEntry.same(key + "0.norm.bias", p + "ln1.beta"));
            addDense(entries, key + "1.fn.0", p + "channel1", Layout.LINEAR_WEIGHT);
            addDense(entries, key + "1.fn.3", p + "channel2", Layout.LINEAR_WEIGHT);
            entries.add(StateDictEntry.same(key + "1.norm.weight", p + "ln2.gamma"));
            entries.add(StateDictEntry.same(key + "1.norm.bias", p + "ln2.beta"));
        }
        entries.add(StateDictEntry.same((depth + 2) + ".weight", "final_ln.gamma"));
        entries.add(StateDictEntry.same((depth + 2) + ".bias", "final_ln.beta"));
        addDense(entries, Integer.toString(depth + 4), "head", Layout.LINEAR_WEIGHT);
        return List.copyOf(entries);
    }

    private static void addDense(List<StateDictEntry> entries, String key, String name, Layout layout) {
        entries.add(StateDictEntry.of(key + ".weight", name + ".weight", layout));
        entries.add(StateDictEntry.same(key + ".bias", name + ".bias"));
    }

    /** Mixes each channel across the patches: [batch, 49, 128] → [batch, 128, 49] → 196 → 49, and back. */
    private static Operand<TFloat32> tokenMix(ModelGraph graph, Operand<TFloat32> x, String prefix) {
        Ops tf = graph.tf();
        Operand<TFloat32> perChannel = tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1}));
        Operand<TFloat32> mixed = mlp(graph, perChannel, prefix + "token1", prefix + "token2");
        return tf.linalg.transpose(mixed, tf.constant(new int[] {0, 2, 1}));
    }

    /** Mixes each patch's channels: 128 → 64 → 128. */
    private static Operand<TFloat32> channelMix(ModelGraph graph, Operand<TFloat32> x, String prefix) {
        return mlp(graph, x, prefix + "channel1", prefix + "channel2");
    }

    private static Operand<TFloat32> mlp(ModelGraph graph, Operand<TFloat32> x, String first, String second) {
        return denseOverLastAxis(graph, gelu(graph, denseOverLastAxis(graph, x, first)), second);
    }

    private static String prefix(int layer) {
        return layer == 1 ? "" : "mixer" + layer + ".";
    }

    private static int hiddenWidth(String kind, int width, double expansion) {
        int hidden = (int) Math.floor(width * expansion);
        if (hidden < 1) {
            throw new IllegalArgumentException("mlp-mixer: " + kind + " expansion " + expansion + " of " + width
                    + " leaves no hidden units");
        }
        return hidden;
    }
}
