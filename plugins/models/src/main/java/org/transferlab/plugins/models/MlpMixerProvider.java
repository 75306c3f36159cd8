package org.transferlab.plugins.models;

import static java.util.Objects.requireNonNull;

import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;

/** The {@code mlp-mixer} model plugin. */
public final class MlpMixerProvider implements ModelProvider<MlpMixerOptions> {

    @Override
    public String name() {
        return "mlp-mixer";
    }

    @Override
    public Class<MlpMixerOptions> optionsType() {
        return MlpMixerOptions.class;
    }

    @Override
    public String description() {
        return "MLP-Mixer: token- and channel-mixing MLPs over 4x4 patches (by default) with GELU and LayerNorm"
                + " (18 parameter tensors at depth 1, 12 more per layer)";
    }

    @Override
    public Architecture create(MlpMixerOptions options, int numClasses) {
        requireNonNull(options, "options is null");
        if (numClasses < 2) {
            throw new IllegalArgumentException("mlp-mixer needs at least 2 classes, got " + numClasses);
        }
        return new MlpMixer(options, numClasses);
    }
}
