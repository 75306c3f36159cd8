package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

class ResNetTest {

    private static final Architecture RESNET = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10);

    @Test
    void declaresTheThirtyTwoParameterTensorsOfTheSpecInCanonicalOrder() {
        List<ParameterSpec> parameters = RESNET.parameters();
        List<String> table = IntStream.range(0, parameters.size()).mapToObj(i -> i + " " + parameters.get(i)).toList();
        assertEquals(List.of(
                "0 stem.conv.weight[3, 3, 1, 16]", "1 stem.conv.bias[16]",
                "2 stem.bn.gamma[16]", "3 stem.bn.beta[16]",
                "4 block1.conv1.weight[3, 3, 16, 16]", "5 block1.bn1.gamma[16]", "6 block1.bn1.beta[16]",
                "7 block1.conv2.weight[3, 3, 16, 16]", "8 block1.bn2.gamma[16]", "9 block1.bn2.beta[16]",
                "10 block2.conv1.weight[3, 3, 16, 32]", "11 block2.bn1.gamma[32]", "12 block2.bn1.beta[32]",
                "13 block2.conv2.weight[3, 3, 32, 32]", "14 block2.bn2.gamma[32]", "15 block2.bn2.beta[32]",
                "16 block2.shortcut.conv.weight[3, 3, 16, 32]", "17 block2.shortcut.conv.bias[32]",
                "18 block2.shortcut.bn.gamma[32]", "19 block2.shortcut.bn.beta[32]",
                "20 block3.conv1.weight[3, 3, 32, 64]", "21 block3.bn1.gamma[64]", "22 block3.bn1.beta[64]",
                "23 block3.conv2.weight[3, 3, 64, 64]", "24 block3.bn2.gamma[64]", "25 block3.bn2.beta[64]",
                "26 block3.shortcut.conv.weight[3, 3, 32, 64]", "27 block3.shortcut.conv.bias[64]",
                "28 block3.shortcut.bn.gamma[64]", "29 block3.shortcut.bn.beta[64]",
                "30 fc.weight[64, 10]", "31 fc.bias[10]"), table);
    }

    @Test
    void declaresTheMovingStatisticsOfEveryBatchNormAsStateOwnedByItsGamma() {
        List<String> table = RESNET.state().stream()
                .map(state -> state.name() + Arrays.toString(state.shape()) + " = " + state.initial()
                        + " owned by " + state.owner())
                .toList();
        assertEquals(List.of(
                "stem.bn.moving_mean[16] = 0.0 owned by stem.bn.gamma",
                "stem.bn.moving_variance[16] = 1.0 owned by stem.bn.gamma",
                "block1.bn1.moving_mean[16] = 0.0 owned by block1.bn1.gamma",
                "block1.bn1.moving_variance[16] = 1.0 owned by block1.bn1.gamma",
                "block1.bn2.moving_mean[16] = 0.0 owned by block1.bn2.gamma",
                "block1.bn2.moving_variance[16] = 1.0 owned by block1.bn2.gamma",
                "block2.bn1.moving_mean[32] = 0.0 owned by block2.bn1.gamma",
                "block2.bn1.moving_variance[32] = 1.0 owned by block2.bn1.gamma",
                "block2.bn2.moving_mean[32] = 0.0 owned by block2.bn2.gamma",
                "block2.bn2.moving_variance[32] = 1.0 owned by block2.bn2.gamma",
                "block2.shortcut.bn.moving_mean[32] = 0.0 owned by block2.shortcut.bn.gamma",
                "block2.shortcut.bn.moving_variance[32] = 1.0 owned by block2.shortcut.bn.gamma",
                "block3.bn1.moving_mean[64] = 0.0 owned by block3.bn1.gamma",
                "block3.bn1.moving_variance[64] = 1.0 owned by block3.bn1.gamma",
                "block3.bn2.moving_mean[64] = 0.0 owned by block3.bn2.gamma",
                "block3.bn2.moving_variance[64] = 1.0 owned by block3.bn2.gamma",
                "block3.shortcut.bn.moving_mean[64] = 0.0 owned by block3.shortcut.bn.gamma",
                "block3.shortcut.bn.moving_variance[64] = 1.0 owned by block3.shortcut.bn.gamma"), table);
    }

    @Test
    void weightsAreHeNormalOverTheirFanInBiasesAndBetasZeroAndGammasOne() {
        for (ParameterSpec parameter : RESNET.parameters()) {
            long[] shape = parameter.shape();
            Initializer expected;
            if (parameter.name().endsWith(".weight")) {
                expected = new Initializer.HeNormal(parameter.size() / shape[shape.length - 1]);
            } else if (parameter.name().endsWith(".gamma")) {
                expected = new Initializer.Constant(1);
            } else {
                expected = new Initializer.Constant(0);
            }
            assertEquals(expected, parameter.initializer(), parameter.name());
        }
    }

    @Test
    void theHeadIsFcAndFollowsTheClassCount() {
        assertEquals(List.of("fc.weight", "fc.bias"), RESNET.headParameters());
        List<ParameterSpec> parameters = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 47).parameters();
        assertEquals("fc.weight[64, 47]", parameters.get(30).toString());
        assertEquals("fc.bias[47]", parameters.get(31).toString());
    }

    @Test
    void isFoundAsAModelPluginNamedResnet() {
        List<String> names = ServiceLoader.load(ModelProvider.class).stream()
                .map(provider -> provider.get().name())
                .toList();
        assertTrue(names.contains("resnet"), names.toString());
        assertEquals(ConvNetOptions.class, new ResNetProvider().optionsType());
    }

    @Test
    void producesLogitsOfShapeBatchByClassesFor10And47Classes() {
        float[] images = BlobImages.generate(3, 1).toFloats(new int[] {0, 1, 2});
        for (int classes : new int[] {10, 47}) {
            Architecture resnet = new ResNetProvider().create(ConvNetOptions.DEFAULTS, classes);
            try (Network network = Network.forInference(resnet, Weights.initialize(resnet, 1), RuntimeOptions.cpu(2))) {
                float[] logits = network.logits(images, 3);
                assertEquals(classes, network.numClasses());
                assertEquals(3 * classes, logits.length);
                for (float logit : logits) {
                    assertTrue(Float.isFinite(logit));
                }
            }
        }
    }

    @Test
    void freezingTheFirst23ParametersKeepsTheStatisticsOfExactlyTheFrozenBatchNorms() {
        List<String> names = RESNET.parameters().stream().map(ParameterSpec::name).toList();
        Set<String> frozen = new LinkedHashSet<>(names.subList(0, 23));    // up to block3.bn1.beta
        ImageSet images = BlobImages.generate(16, 4);
        float[] pixels = images.toFloats();
        Weights initial = Weights.initialize(RESNET, 5);
        try (Network network = Network.forTraining(RESNET, initial, new OptimizerSettings(OptimizerKind.ADAM, 0, 0),
                frozen, RuntimeOptions.cpu(2))) {
            network.trainStep(pixels, images.labels(), 1e-3f);
            network.trainStep(pixels, images.labels(), 1e-3f);
            Weights trained = network.snapshot();
            for (StateSpec state : RESNET.state()) {
                if (frozen.contains(state.owner())) {
                    assertEquals(initial.get(state.name()), trained.get(state.name()), state.name());
                } else {
                    assertNotEquals(initial.get(state.name()), trained.get(state.name()), state.name());
                }
            }
        }
    }
}
