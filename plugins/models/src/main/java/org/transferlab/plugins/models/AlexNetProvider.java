package org.transferlab.plugins.models;

import static java.util.Objects.requireNonNull;

import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;

/** The {@code alexnet} model plugin. */
public final class AlexNetProvider implements ModelProvider<ConvNetOptions> {

    @Override
    public String name() {
        return "alexnet";
    }

    @Override
    public Class<ConvNetOptions> optionsType() {
        return ConvNetOptions.class;
    }

    @Override
    public String description() {
        return "AlexNet-style CNN: five 3x3 convolutions and three dense layers (16 parameter tensors)";
    }

    @Override
    public Architecture create(ConvNetOptions options, int numClasses) {
        requireNonNull(options, "options is null");
        if (numClasses < 2) {
            throw new IllegalArgumentException("alexnet needs at least 2 classes, got " + numClasses);
        }
        return new AlexNet(numClasses, options.initOrDefault());
    }
}
