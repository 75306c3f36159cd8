package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.transferlab.plugins.models.Layers.conv;
import static org.transferlab.plugins.models.Layers.dense;
import static org.transferlab.plugins.models.Layers.flatten;
import static org.transferlab.plugins.models.Layers.maxPool;
import static org.transferlab.plugins.models.Layers.relu;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

/**
 * AlexNet applies ReLU before max pooling so that TensorFlow can fuse convolution, bias and ReLU; SPEC §3 pools
 * first. The two orders must be the same function with the same gradients, bit for bit.
 */
class AlexNetLayerOrderTest {

    private static final Architecture ALEXNET = new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 10);
    private static final Architecture SPEC_ORDER = new SpecOrderAlexNet();
    private static final RuntimeOptions CPU = RuntimeOptions.cpu(1);

    private final ImageSet images = BlobImages.generate(16, 4);
    private final Weights weights = Weights.initialize(ALEXNET, 9);

    @Test
    void reluBeforePoolingGivesTheSpecsLogitsAndInputGradients() {
        try (Network fused = Network.forInference(ALEXNET, weights, CPU);
             Network spec = Network.forInference(SPEC_ORDER, weights, CPU)) {
            float[] pixels = images.toFloats();
            assertArrayEquals(spec.logits(pixels, images.count()), fused.logits(pixels, images.count()));
            assertArrayEquals(spec.lossGradient(pixels, images.labels()), fused.lossGradient(pixels, images.labels()));
        }
    }

    @Test
    void reluBeforePoolingTrainsToTheSpecsWeights() {
        Recipe recipe = new Recipe(1, 16, OptimizerKind.ADAM, 1e-3, null, null);
        try (Network fused = Network.forTraining(ALEXNET, weights, OptimizerSettings.from(recipe), Set.of(), CPU);
             Network spec = Network.forTraining(SPEC_ORDER, weights, OptimizerSettings.from(recipe), Set.of(), CPU)) {
            for (int step = 0; step < 3; step++) {
                fused.trainStep(images.toFloats(), images.labels(), 1e-3f);
                spec.trainStep(images.toFloats(), images.labels(), 1e-3f);
            }
            Weights expected = spec.snapshot();
            Weights actual = fused.snapshot();
            for (String name : expected.names()) {
                assertArrayEquals(expected.get(name).values(), actual.get(name).values(), name);
            }
        }
    }

    /** The layer table of SPEC §3 as written: each pooled convolution pools, then applies ReLU. */
    private static final class SpecOrderAlexNet implements Architecture {
        @Override
        public List<ParameterSpec> parameters() {
            return ALEXNET.parameters();
        }

        @Override
        public List<String> headParameters() {
            return ALEXNET.headParameters();
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> input, boolean training) {
            Operand<TFloat32> x = relu(graph, maxPool(graph, conv(graph, input, "conv1", 1, 1), 2));
            x = relu(graph, maxPool(graph, conv(graph, x, "conv2", 1, 1), 2));
            x = conv(graph, conv(graph, x, "conv3", 1, 1), "conv4", 1, 1);
            x = relu(graph, maxPool(graph, conv(graph, x, "conv5", 1, 1), 2));
            x = relu(graph, dense(graph, flatten(graph, x), "fc6"));
            x = relu(graph, dense(graph, x, "fc7"));
            return dense(graph, x, "fc8");
        }
    }
}
