package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.engine.Weights;

/**
 * {@code init: pytorch} draws what {@code nn.Conv2d}, {@code nn.Conv1d} and {@code nn.Linear} draw by default:
 * kaiming_uniform(a = √5) weights, whose bound gain·√(3 / fan-in) with gain √(2 / (1 + 5)) is 1/√fan-in, and biases
 * U(±1/√fan-in); a uniform variable on ±b has variance b²/3. Norm layers start at 1 and 0. Checked over many seeds.
 */
class PyTorchInitTest {

    private static final int SEEDS = 40;

    /** Fan-in of each convolution and dense layer, from the layer shapes of SPEC §3 (k·k·in, or in). */
    private static final Map<String, Long> ALEXNET_FAN_IN = Map.of("conv1", 9L, "conv2", 288L, "conv3", 576L,
            "conv4", 1152L, "conv5", 2304L, "fc6", 2304L, "fc7", 1024L, "fc8", 512L);

    @Test
    void alexnetWeightsAndBiasesAreUniformWithinOneOverTheSquareRootOfTheFanIn() {
        Architecture alexnet = new AlexNetProvider().create(new ConvNetOptions(WeightInit.PYTORCH), 10);
        assertUniformPerLayer(alexnet, ALEXNET_FAN_IN);
    }

    @Test
    void resnetConvolutionsAndHeadArePyTorchLikeAndBatchNormStartsAtOneAndZero() {
        Architecture resnet = new ResNetProvider().create(new ConvNetOptions(WeightInit.PYTORCH), 10);
        Map<String, Long> fanIn = new HashMap<>(Map.of("stem.conv", 9L, "fc", 64L,
                "block1.conv1", 144L, "block1.conv2", 144L, "block2.conv1", 144L, "block2.conv2", 288L,
                "block2.shortcut.conv", 144L, "block3.conv1", 288L, "block3.conv2", 576L));
        fanIn.put("block3.shortcut.conv", 288L);
        assertUniformPerLayer(resnet, fanIn);
        Weights weights = Weights.initialize(resnet, 3);
        for (ParameterSpec parameter : resnet.parameters()) {
            float expected = parameter.name().endsWith(".gamma") ? 1f : parameter.name().endsWith(".beta") ? 0f : -1f;
            if (expected >= 0) {
                for (float value : weights.get(parameter.name()).values()) {
                    assertEquals(expected, value, parameter.name());
                }
            }
        }
    }

    @Test
    void mixerTokenMixingUsesItsPatchCountAsFanInAsConv1dWithKernelOneDoes() {
        Architecture mixer = new MlpMixerProvider().create(
                new MlpMixerOptions(null, null, null, null, null, WeightInit.PYTORCH), 10);
        assertUniformPerLayer(mixer, Map.of("patch", 16L, "token1", 49L, "token2", 196L, "channel1", 128L,
                "channel2", 64L, "head", 128L));
    }

    @Test
    void heNormalStaysTheDefault() {
        assertEquals(WeightInit.HE_NORMAL, ConvNetOptions.DEFAULTS.initOrDefault());
        assertEquals(WeightInit.HE_NORMAL, MlpMixerOptions.DEFAULTS.initOrDefault());
        Architecture alexnet = new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 10);
        float[] bias = Weights.initialize(alexnet, 1).get("conv1.bias").values();
        for (float value : bias) {
            assertEquals(0f, value);
        }
    }

    /** Every layer's weight and bias: all values within ±1/√fan-in, mean ≈ 0 and variance ≈ 1/(3·fan-in). */
    private static void assertUniformPerLayer(Architecture architecture, Map<String, Long> fanIn) {
        List<ParameterSpec> parameters = architecture.parameters();
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            Weights weights = Weights.initialize(architecture, seed);
            for (ParameterSpec parameter : parameters) {
                String layer = parameter.name().substring(0, parameter.name().lastIndexOf('.'));
                Long fan = fanIn.get(layer);
                if (fan == null) {
                    continue;
                }
                double bound = 1 / Math.sqrt(fan);
                double[] sum = sums.computeIfAbsent(parameter.name(), name -> new double[2]);
                for (float value : weights.get(parameter.name()).values()) {
                    assertTrue(Math.abs(value) <= bound * (1 + 1e-6), parameter.name() + ": " + value + " > " + bound);
                    sum[0] += value;
                    sum[1] += (double) value * value;
                }
                counts.merge(parameter.name(), (long) weights.get(parameter.name()).values().length, Long::sum);
            }
        }
        for (String layer : fanIn.keySet()) {
            assertTrue(sums.containsKey(layer + ".weight"), layer + ".weight was checked: " + sums.keySet());
        }
        for (Map.Entry<String, double[]> entry : sums.entrySet()) {
            String layer = entry.getKey().substring(0, entry.getKey().lastIndexOf('.'));
            double variance = 1.0 / (3 * fanIn.get(layer));
            long n = counts.get(entry.getKey());
            double mean = entry.getValue()[0] / n;
            double meanSquare = entry.getValue()[1] / n;
            // Standard errors: √(var/n) for the mean; the variance of U² is b⁴·4/45, so √(4/45·b⁴/n) for the mean square.
            double bound2 = 3 * variance;
            assertTrue(Math.abs(mean) < 5 * Math.sqrt(variance / n), entry.getKey() + " mean " + mean);
            assertTrue(Math.abs(meanSquare - variance) < 5 * Math.sqrt(4.0 / 45 * bound2 * bound2 / n),
                    entry.getKey() + " variance " + meanSquare + ", expected " + variance);
        }
    }
}
