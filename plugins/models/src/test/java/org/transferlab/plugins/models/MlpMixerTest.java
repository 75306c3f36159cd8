package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.WeightTensor;
import org.transferlab.kernel.engine.Weights;

class MlpMixerTest {

    private static final Architecture MIXER = mixer(depth(1), 10);

    @Test
    void declaresTheEighteenParameterTensorsOfDepthOneInCanonicalOrder() {
        assertEquals(List.of(
                "0 patch.weight[16, 128]", "1 patch.bias[128]",
                "2 token1.weight[49, 196]", "3 token1.bias[196]",
                "4 token2.weight[196, 49]", "5 token2.bias[49]",
                "6 ln1.gamma[128]", "7 ln1.beta[128]",
                "8 channel1.weight[128, 64]", "9 channel1.bias[64]",
                "10 channel2.weight[64, 128]", "11 channel2.bias[128]",
                "12 ln2.gamma[128]", "13 ln2.beta[128]",
                "14 final_ln.gamma[128]", "15 final_ln.beta[128]",
                "16 head.weight[128, 10]", "17 head.bias[10]"), table(MIXER));
        assertTrue(MIXER.state().isEmpty());
    }

    @Test
    void eachFurtherLayerAddsTwelveTensorsPrefixedWithItsNumberBeforeTheFinalLayerNorm() {
        assertEquals(List.of(
                "0 patch.weight[16, 128]", "1 patch.bias[128]",
                "2 token1.weight[49, 196]", "3 token1.bias[196]",
                "4 token2.weight[196, 49]", "5 token2.bias[49]",
                "6 ln1.gamma[128]", "7 ln1.beta[128]",
                "8 channel1.weight[128, 64]", "9 channel1.bias[64]",
                "10 channel2.weight[64, 128]", "11 channel2.bias[128]",
                "12 ln2.gamma[128]", "13 ln2.beta[128]",
                "14 mixer2.token1.weight[49, 196]", "15 mixer2.token1.bias[196]",
                "16 mixer2.token2.weight[196, 49]", "17 mixer2.token2.bias[49]",
                "18 mixer2.ln1.gamma[128]", "19 mixer2.ln1.beta[128]",
                "20 mixer2.channel1.weight[128, 64]", "21 mixer2.channel1.bias[64]",
                "22 mixer2.channel2.weight[64, 128]", "23 mixer2.channel2.bias[128]",
                "24 mixer2.ln2.gamma[128]", "25 mixer2.ln2.beta[128]",
                "26 final_ln.gamma[128]", "27 final_ln.beta[128]",
                "28 head.weight[128, 10]", "29 head.bias[10]"), table(mixer(depth(2), 10)));
    }

    @Test
    void weightsAreHeNormalOverTheirFanInBiasesAndBetasZeroAndGammasOne() {
        for (ParameterSpec parameter : mixer(depth(2), 10).parameters()) {
            Initializer expected;
            if (parameter.name().endsWith(".weight")) {
                expected = new Initializer.HeNormal(parameter.shape()[0]);
            } else if (parameter.name().endsWith(".gamma")) {
                expected = new Initializer.Constant(1);
            } else {
                expected = new Initializer.Constant(0);
            }
            assertEquals(expected, parameter.initializer(), parameter.name());
        }
    }

    @Test
    void theHeadIsHeadAndFollowsTheClassCount() {
        assertEquals(List.of("head.weight", "head.bias"), MIXER.headParameters());
        List<String> tail = table(mixer(depth(1), 47)).subList(16, 18);
        assertEquals(List.of("16 head.weight[128, 47]", "17 head.bias[47]"), tail);
    }

    @Test
    void optionsDefaultToTheShapeOfTheSpec() {
        MlpMixerOptions defaults = MlpMixerOptions.DEFAULTS;
        assertEquals(1, defaults.depthOrDefault());
        assertEquals(4, defaults.patchOrDefault());
        assertEquals(128, defaults.dimOrDefault());
        assertEquals(4.0, defaults.tokenExpansionOrDefault());
        assertEquals(0.5, defaults.channelExpansionOrDefault());
        assertEquals(MlpMixerOptions.class, new MlpMixerProvider().optionsType());
    }

    @Test
    void aPatchSideOf7GivesSixteenPatchesOf49Pixels() {
        Architecture mixer = mixer(new MlpMixerOptions(null, 7, null, null, null, null), 10);
        assertEquals(List.of("0 patch.weight[49, 128]", "1 patch.bias[128]", "2 token1.weight[16, 64]"),
                table(mixer).subList(0, 3));
    }

    @Test
    void validationRejectsAPatchThatDoesNotDivide28AndADepthBelowOne() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertEquals(Set.of(), factory.getValidator().validate(MlpMixerOptions.DEFAULTS));
            assertEquals(Set.of(), factory.getValidator().validate(new MlpMixerOptions(2, 14, 64, 2.0, 1.0, null)));

            Set<ConstraintViolation<MlpMixerOptions>> badPatch =
                    factory.getValidator().validate(new MlpMixerOptions(null, 5, null, null, null, null));
            assertEquals(1, badPatch.size(), badPatch.toString());
            assertEquals("patch must divide the image side 28: 1, 2, 4, 7, 14 or 28",
                    badPatch.iterator().next().getMessage());

            Set<ConstraintViolation<MlpMixerOptions>> badDepth =
                    factory.getValidator().validate(new MlpMixerOptions(0, null, null, null, null, null));
            assertEquals(1, badDepth.size(), badDepth.toString());
            assertEquals("depth", badDepth.iterator().next().getPropertyPath().toString());
        }
    }

    @Test
    void creatingAMixerWhosePatchDoesNotDivide28FailsWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mixer(new MlpMixerOptions(null, 5, null, null, null, null), 10));
        assertEquals("mlp-mixer: patch must divide the image side 28, got 5", e.getMessage());
    }

    @Test
    void isFoundAsAModelPluginNamedMlpMixer() {
        List<String> names = ServiceLoader.load(ModelProvider.class).stream()
                .map(provider -> provider.get().name())
                .toList();
        assertTrue(names.contains("mlp-mixer"), names.toString());
    }

    @Test
    void producesLogitsOfShapeBatchByClassesFor10And47Classes() {
        float[] images = BlobImages.generate(3, 1).toFloats(new int[] {0, 1, 2});
        for (int classes : new int[] {10, 47}) {
            Architecture mixer = mixer(depth(2), classes);
            try (Network network = Network.forInference(mixer, Weights.initialize(mixer, 1), RuntimeOptions.cpu(2))) {
                float[] logits = network.logits(images, 3);
                assertEquals(classes, network.numClasses());
                assertEquals(3 * classes, logits.length);
                for (float logit : logits) {
                    assertTrue(Float.isFinite(logit));
                }
            }
        }
    }

    /**
     * A small two-layer mixer (four 14×14 patches, 3 channels, hidden widths 6 and 2) with random values in every
     * tensor, against the same forward pass written out in plain Java.
     */
    @Test
    void computesTheForwardPassOfTheSpec() {
        Architecture mixer = mixer(new MlpMixerOptions(2, 14, 3, 1.5, 0.7, null), 5);
        SplittableRandom random = new SplittableRandom(12);
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        for (ParameterSpec parameter : mixer.parameters()) {
            float[] values = LayersTest.randomValues(Math.toIntExact(parameter.size()), random);
            tensors.put(parameter.name(), new WeightTensor(parameter.shape(), values));
        }
        Weights weights = new Weights(tensors);
        float[] images = BlobImages.generate(2, 13).toFloats(new int[] {0, 1});
        try (Network network = Network.forInference(mixer, weights, RuntimeOptions.cpu(2))) {
            float[] logits = network.logits(images, 2);
            for (int image = 0; image < 2; image++) {
                float[] expected = new PlainMixer(weights, 2, 14).logits(images, image);
                float[] actual = new float[5];
                System.arraycopy(logits, image * 5, actual, 0, 5);
                assertArrayEquals(expected, actual, 1e-4f, "image " + image);
            }
        }
    }

    /** The mixer's forward pass for one image in doubles, written from SPEC §3. */
    private record PlainMixer(Weights weights, int depth, int patch) {

        float[] logits(float[] images, int image) {
            int n = ImageSet.SIDE / patch;
            double[][] patches = new double[n * n][patch * patch];
            for (int row = 0; row < ImageSet.SIDE; row++) {
                for (int column = 0; column < ImageSet.SIDE; column++) {
                    patches[(row / patch) * n + column / patch][(row % patch) * patch + column % patch] =
                            images[image * ImageSet.PIXELS + row * ImageSet.SIDE + column];
                }
            }
            double[][] x = dense(patches, "patch");
            for (int layer = 1; layer <= depth; layer++) {
                String prefix = layer == 1 ? "" : "mixer" + layer + ".";
                double[][] tokens = transpose(layerNorm(x, prefix + "ln1"));
                x = add(x, transpose(dense(gelu(dense(tokens, prefix + "token1")), prefix + "token2")));
                double[][] channels = layerNorm(x, prefix + "ln2");
                x = add(x, dense(gelu(dense(channels, prefix + "channel1")), prefix + "channel2"));
            }
            x = layerNorm(x, "final_ln");
            double[] pooled = new double[x[0].length];
            for (double[] row : x) {
                for (int c = 0; c < row.length; c++) {
                    pooled[c] += row[c] / x.length;
                }
            }
            double[] logits = dense(new double[][] {pooled}, "head")[0];
            float[] result = new float[logits.length];
            for (int i = 0; i < logits.length; i++) {
                result[i] = (float) logits[i];
            }
            return result;
        }

        private double[][] dense(double[][] x, String name) {
            WeightTensor weight = weights.get(name + ".weight");
            float[] bias = weights.get(name + ".bias").values();
            int in = (int) weight.shape()[0];
            int out = (int) weight.shape()[1];
            double[][] y = new double[x.length][out];
            for (int r = 0; r < x.length; r++) {
                for (int o = 0; o < out; o++) {
                    double sum = bias[o];
                    for (int i = 0; i < in; i++) {
                        sum += x[r][i] * weight.values()[i * out + o];
                    }
                    y[r][o] = sum;
                }
            }
            return y;
        }

        private double[][] layerNorm(double[][] x, String name) {
            float[] gamma = weights.get(name + ".gamma").values();
            float[] beta = weights.get(name + ".beta").values();
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                double mean = 0;
                for (double value : x[r]) {
                    mean += value / x[r].length;
                }
                double variance = 0;
                for (double value : x[r]) {
                    variance += (value - mean) * (value - mean) / x[r].length;
                }
                y[r] = new double[x[r].length];
                for (int c = 0; c < x[r].length; c++) {
                    y[r][c] = (x[r][c] - mean) / Math.sqrt(variance + 1e-5) * gamma[c] + beta[c];
                }
            }
            return y;
        }

        private static double[][] gelu(double[][] x) {
            double[][] y = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                y[r] = new double[x[r].length];
                for (int c = 0; c < x[r].length; c++) {
                    y[r][c] = x[r][c] * standardNormalCdf(x[r][c]);
                }
            }
            return y;
        }

        /** Φ(z) by Simpson's rule from 0: independent of any erf implementation. */
        private static double standardNormalCdf(double z) {
            int steps = 2000;
            double h = z / steps;
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
                double t = i * h;
                sum += weight * Math.exp(-t * t / 2);
            }
            return 0.5 + sum * h / 3 / Math.sqrt(2 * Math.PI);
        }

        private static double[][] transpose(double[][] x) {
            double[][] y = new double[x[0].length][x.length];
            for (int r = 0; r < x.length; r++) {
                for (int c = 0; c < x[0].length; c++) {
                    y[c][r] = x[r][c];
                }
            }
            return y;
        }

        private static double[][] add(double[][] a, double[][] b) {
            double[][] sum = new double[a.length][a[0].length];
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < a[0].length; c++) {
                    sum[r][c] = a[r][c] + b[r][c];
                }
            }
            return sum;
        }
    }

    private static MlpMixerOptions depth(int depth) {
        return new MlpMixerOptions(depth, null, null, null, null, null);
    }

    private static Architecture mixer(MlpMixerOptions options, int classes) {
        return new MlpMixerProvider().create(options, classes);
    }

    private static List<String> table(Architecture architecture) {
        List<ParameterSpec> parameters = architecture.parameters();
        return IntStream.range(0, parameters.size()).mapToObj(i -> i + " " + parameters.get(i)).toList();
    }
}
