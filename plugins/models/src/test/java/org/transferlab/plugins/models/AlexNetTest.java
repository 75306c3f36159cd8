package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

class AlexNetTest {

    private static final Architecture ALEXNET = new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 10);

    @Test
    void declaresTheSixteenParameterTensorsOfTheSpecInCanonicalOrder() {
        List<String> table = ALEXNET.parameters().stream().map(ParameterSpec::toString).toList();
        assertEquals(List.of(
                "conv1.weight[3, 3, 1, 32]", "conv1.bias[32]",
                "conv2.weight[3, 3, 32, 64]", "conv2.bias[64]",
                "conv3.weight[3, 3, 64, 128]", "conv3.bias[128]",
                "conv4.weight[3, 3, 128, 256]", "conv4.bias[256]",
                "conv5.weight[3, 3, 256, 256]", "conv5.bias[256]",
                "fc6.weight[2304, 1024]", "fc6.bias[1024]",
                "fc7.weight[1024, 512]", "fc7.bias[512]",
                "fc8.weight[512, 10]", "fc8.bias[10]"), table);
    }

    @Test
    void weightsAreHeNormalOverTheirFanInAndBiasesStartAtZero() {
        for (ParameterSpec parameter : ALEXNET.parameters()) {
            long[] shape = parameter.shape();
            if (parameter.name().endsWith(".weight")) {
                assertEquals(new Initializer.HeNormal(parameter.size() / shape[shape.length - 1]),
                        parameter.initializer(), parameter.name());
            } else {
                assertEquals(new Initializer.Constant(0), parameter.initializer(), parameter.name());
            }
        }
    }

    @Test
    void theHeadIsFc8AndFollowsTheClassCount() {
        assertEquals(List.of("fc8.weight", "fc8.bias"), ALEXNET.headParameters());
        ParameterSpec head = new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 47).parameters().get(14);
        assertEquals("fc8.weight[512, 47]", head.toString());
    }

    @Test
    void isFoundAsAModelPluginNamedAlexnet() {
        List<String> names = ServiceLoader.load(ModelProvider.class).stream()
                .map(provider -> provider.get().name())
                .toList();
        assertTrue(names.contains("alexnet"), names.toString());
        assertEquals(ConvNetOptions.class, new AlexNetProvider().optionsType());
    }

    @Test
    void producesOneRowOfLogitsPerImage() {
        ImageSet images = BlobImages.generate(3, 1);
        try (Network network = Network.forInference(ALEXNET, Weights.initialize(ALEXNET, 1), RuntimeOptions.cpu(2))) {
            float[] logits = network.logits(images.toFloats(new int[] {0, 1, 2}), 3);
            assertEquals(10, network.numClasses());
            assertEquals(3 * 10, logits.length);
            for (float logit : logits) {
                assertTrue(Float.isFinite(logit));
            }
        }
    }
}
