package org.transferlab.plugins.models;

import static java.util.Objects.requireNonNull;

import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;

/** The {@code resnet} model plugin. */
public final class ResNetProvider implements ModelProvider<ConvNetOptions> {

    @Override
    public String name() {
        return "resnet";
    }

    @Override
    public Class<ConvNetOptions> optionsType() {
        return ConvNetOptions.class;
    }

    @Override
    public String description() {
        return "small ResNet: stem and three basic blocks (16, 32, 64 channels) with BatchNorm (32 parameter tensors)";
    }

    @Override
    public Architecture create(ConvNetOptions options, int numClasses) {
        requireNonNull(options, "options is null");
        if (numClasses < 2) {
            throw new IllegalArgumentException("resnet needs at least 2 classes, got " + numClasses);
        }
        return new ResNet(numClasses, options.initOrDefault());
    }
}
