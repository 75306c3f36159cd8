package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.FeatureCaching;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.engine.TrainingResult;
import org.transferlab.kernel.engine.WeightTensor;
import org.transferlab.kernel.engine.Weights;

/**
 * Fine-tuning above a frozen prefix on features computed once per image is the same training as fine-tuning the whole
 * network: the same weights within float rounding, the same test accuracy.
 */
class TrainingAboveAFrozenPrefixTest {

    private static final RuntimeOptions CPU = RuntimeOptions.cpu(2);
    private static final ImageSet TRAIN = BlobImages.generate(96, 21);
    private static final ImageSet TEST = BlobImages.generate(40, 22);
    private static final Recipe RECIPE = new Recipe(2, 16, OptimizerKind.ADAM, 0.001, null, null);
    private static final float TOLERANCE = 1e-4f;

    @Test
    void everyCutOfAlexnetAndResnetSplitsTheForwardPassIntoPrefixAndSuffixWithTheDeclaredFeatureShape() {
        for (Architecture architecture : List.of(alexnet(), resnet())) {
            Weights weights = Weights.initialize(architecture, 3);
            assertFalse(architecture.cuts().isEmpty(), architecture + " offers cuts");
            int previous = 0;
            for (Cut cut : architecture.cuts()) {
                assertTrue(cut.prefixParameters() >= previous, "cuts come in increasing order");
                previous = cut.prefixParameters();
                try (Graph graph = new Graph()) {
                    ConstantGraph model = constants(graph, architecture, weights);
                    Operand<TFloat32> images = model.constant(new long[] {TEST.count(), 28, 28, 1}, TEST.toFloats());
                    Operand<TFloat32> features = cut.prefix(model, images);
                    long[] shape = features.shape().asArray();
                    assertArrayEquals(cut.featureShape(), java.util.Arrays.copyOfRange(shape, 1, shape.length),
                            architecture + " " + cut);
                    List<float[]> both = model.run(List.of(architecture.logits(model, images, false),
                            cut.suffix(model, features, false)));
                    assertArrayEquals(both.get(0), both.get(1), architecture + " " + cut);
                }
            }
        }
    }

    @Test
    void alexnetWithItsFirstEightTensorsFrozenTrainsConv5AndTheDenseLayersOnConv4Features() {
        Architecture alexnet = alexnet();
        Set<String> frozen = frozenFirst(alexnet, 8);
        Cut cut = FeatureCaching.choose(alexnet, frozen, TRAIN.count() + TEST.count()).orElseThrow();
        assertEquals(8, cut.prefixParameters());
        assertArrayEquals(new long[] {7, 7, 256}, cut.featureShape());
        assertSameTraining(alexnet, frozen, cut);
    }

    @Test
    void resnetWithItsStemAndFirstTwoBlocksFrozenTrainsBlock3AndTheHeadOnBlock2Features() {
        Architecture resnet = resnet();
        Set<String> frozen = frozenFirst(resnet, 20);
        Cut cut = FeatureCaching.choose(resnet, frozen, TRAIN.count() + TEST.count()).orElseThrow();
        assertEquals(20, cut.prefixParameters());
        assertSameTraining(resnet, frozen, cut);
    }

    @Test
    void resnetWithEverythingButItsHeadFrozenTrainsTheHeadOnPooledFeatures() {
        Architecture resnet = resnet();
        Set<String> frozen = frozenFirst(resnet, 30);
        Cut cut = FeatureCaching.choose(resnet, frozen, TRAIN.count() + TEST.count()).orElseThrow();
        assertArrayEquals(new long[] {64}, cut.featureShape());
        assertSameTraining(resnet, frozen, cut);
    }

    @Test
    void resnetFrozenInsideABlockTrainsAboveTheLastWholeStageBeforeIt() {
        Architecture resnet = resnet();
        Set<String> frozen = frozenFirst(resnet, 23);
        Cut cut = FeatureCaching.choose(resnet, frozen, TRAIN.count() + TEST.count()).orElseThrow();
        assertEquals(20, cut.prefixParameters());
        assertSameTraining(resnet, frozen, cut);
    }

    @Test
    void theMixerOffersNoCutAndTrainsOnImages() {
        Architecture mixer = new MlpMixerProvider().create(new MlpMixerOptions(2, null, null, null, null, null), 10);
        List<String> names = mixer.parameters().stream().map(ParameterSpec::name).toList();
        assertEquals(Optional.empty(), FeatureCaching.choose(mixer, Set.copyOf(names.subList(0, 4)), 1000));
    }

    private static void assertSameTraining(Architecture architecture, Set<String> frozen, Cut cut) {
        Weights start = Weights.initialize(architecture, 11);
        OptimizerSettings adam = OptimizerSettings.from(RECIPE);
        TrainingResult plain;
        try (Network network = Network.forTraining(architecture, start, adam, frozen, CPU)) {
            assertFalse(network.trainsOnFeatures());
            plain = new Trainer(RECIPE, TrainingListener.NONE).train(network, TRAIN, TEST, 5);
        }
        TrainingResult cached;
        try (Network network = Network.forTrainingAbove(cut, architecture, start, adam, frozen, CPU)) {
            assertTrue(network.trainsOnFeatures());
            cached = new Trainer(RECIPE, TrainingListener.NONE).train(network, TRAIN, TEST, 5);
        }
        for (String name : plain.weights().names()) {
            WeightTensor expected = plain.weights().get(name);
            WeightTensor actual = cached.weights().get(name);
            if (frozen.contains(name) || frozen.contains(owner(architecture, name))) {
                assertEquals(start.get(name), actual, name + " stays frozen");
            } else {
                assertNotEquals(start.get(name), actual, name + " trains");
            }
            assertClose(expected, actual, name);
        }
        for (int epoch = 0; epoch < RECIPE.epochs(); epoch++) {
            EpochRecord a = plain.history().get(epoch);
            EpochRecord b = cached.history().get(epoch);
            assertEquals(a.testAccuracy(), b.testAccuracy(), "test accuracy after epoch " + (epoch + 1));
            assertEquals(a.trainAccuracy(), b.trainAccuracy(), "training accuracy in epoch " + (epoch + 1));
            assertEquals(a.loss(), b.loss(), 1e-5, "loss in epoch " + (epoch + 1));
        }
    }

    private static void assertClose(WeightTensor expected, WeightTensor actual, String name) {
        assertArrayEquals(expected.shape(), actual.shape(), name);
        float[] e = expected.values();
        float[] a = actual.values();
        for (int i = 0; i < e.length; i++) {
            float scale = Math.max(1f, Math.abs(e[i]));
            assertEquals(e[i], a[i], TOLERANCE * scale, name + "[" + i + "]");
        }
    }

    private static String owner(Architecture architecture, String name) {
        return architecture.state().stream().filter(s -> s.name().equals(name)).map(StateSpec::owner)
                .findFirst().orElse(null);
    }

    private static Set<String> frozenFirst(Architecture architecture, int count) {
        List<String> names = architecture.parameters().stream().map(ParameterSpec::name).toList();
        return Freezing.frozenParameters(new Freeze(count, null, null), names);
    }

    private static ConstantGraph constants(Graph graph, Architecture architecture, Weights weights) {
        ConstantGraph model = new ConstantGraph(graph, false);
        for (ParameterSpec parameter : architecture.parameters()) {
            WeightTensor tensor = weights.get(parameter.name());
            model.withParameter(parameter.name(), tensor.shape(), tensor.values());
        }
        for (StateSpec state : architecture.state()) {
            WeightTensor tensor = weights.get(state.name());
            model.withState(state.name(), tensor.shape(), tensor.values());
        }
        return model;
    }

    private static Architecture alexnet() {
        return new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 10);
    }

    private static Architecture resnet() {
        return new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10);
    }
}
