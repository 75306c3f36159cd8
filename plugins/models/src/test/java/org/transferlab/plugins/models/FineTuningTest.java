package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

/** Pre-train, fine-tune and restore the real models the way a study does, and check what each step may change. */
class FineTuningTest {

    private static final RuntimeOptions CPU = RuntimeOptions.cpu(2);
    private static final OptimizerSettings SGD = new OptimizerSettings(OptimizerKind.SGD, 0.9, 0);
    private static final ImageSet IMAGES = BlobImages.generate(32, 4);

    @Test
    void a47ClassResnetFineTunedTo10ClassesGetsANewHeadAndKeepsItsFrozenTensorsAndStatistics() {
        Architecture source = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 47);
        Weights pretrained = train(source, Weights.initialize(source, 1), Set.of(), 3);

        Architecture target = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10);
        Weights initial = Weights.forFineTuning(target, pretrained, 2);
        for (ParameterSpec parameter : target.parameters()) {
            if (target.headParameters().contains(parameter.name())) {
                assertArrayEquals(parameter.shape(), initial.get(parameter.name()).shape(), parameter.name());
                assertNotEquals(pretrained.get(parameter.name()).shape()[parameter.shape().length - 1],
                        parameter.shape()[parameter.shape().length - 1]);
            } else {
                assertEquals(pretrained.get(parameter.name()), initial.get(parameter.name()), parameter.name());
            }
        }
        for (StateSpec state : target.state()) {
            assertEquals(pretrained.get(state.name()), initial.get(state.name()), state.name());
        }

        List<String> names = target.parameters().stream().map(ParameterSpec::name).toList();
        Set<String> frozen = Freezing.frozenParameters(new Freeze(23, null, null), names);
        Weights fineTuned = train(target, initial, frozen, 3);

        for (String name : names) {
            if (frozen.contains(name)) {
                assertEquals(initial.get(name), fineTuned.get(name), name + " is frozen");
            } else {
                assertNotEquals(initial.get(name), fineTuned.get(name), name + " trains");
            }
        }
        for (StateSpec state : target.state()) {
            if (frozen.contains(state.owner())) {
                assertEquals(initial.get(state.name()), fineTuned.get(state.name()), state.name() + " is frozen");
            } else {
                assertNotEquals(initial.get(state.name()), fineTuned.get(state.name()), state.name() + " trains");
            }
        }
    }

    @Test
    void aRestoredResnetCheckpointGivesIdenticalLogitsWithItsMovingStatistics(@TempDir Path directory)
            throws Exception {
        Architecture resnet = new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10);
        Weights trained = train(resnet, Weights.initialize(resnet, 5), Set.of(), 4);
        assertFalse(trained.get("stem.bn.moving_mean").equals(Weights.initialize(resnet, 5).get("stem.bn.moving_mean")),
                "training moved the statistics");
        Path file = directory.resolve("weights.npz");
        trained.write(file);

        float[] images = IMAGES.toFloats();
        float[] expected;
        try (Network network = Network.forInference(resnet, trained, CPU)) {
            expected = network.logits(images, IMAGES.count());
        }
        try (Network restored = Network.forInference(resnet, Weights.read(file), CPU)) {
            assertArrayEquals(expected, restored.logits(images, IMAGES.count()));
        }
    }

    @Test
    void aRestoredMixerCheckpointGivesIdenticalLogits(@TempDir Path directory) throws Exception {
        Architecture mixer = new MlpMixerProvider().create(new MlpMixerOptions(2, null, null, null, null, null), 10);
        Weights trained = train(mixer, Weights.initialize(mixer, 6), Set.of(), 2);
        Path file = directory.resolve("weights.npz");
        trained.write(file);
        float[] images = IMAGES.toFloats();
        try (Network network = Network.forInference(mixer, trained, CPU);
             Network restored = Network.forInference(mixer, Weights.read(file), CPU)) {
            float[] logits = network.logits(images, IMAGES.count());
            assertArrayEquals(logits, restored.logits(images, IMAGES.count()));
            assertTrue(logits.length == IMAGES.count() * 10);
        }
    }

    private static Weights train(Architecture architecture, Weights start, Set<String> frozen, int steps) {
        try (Network network = Network.forTraining(architecture, start, SGD, frozen, CPU)) {
            for (int step = 0; step < steps; step++) {
                network.trainStep(IMAGES.toFloats(), IMAGES.labels(), 0.05f);
            }
            return network.snapshot();
        }
    }
}
