package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.engine.FlopCount;

/** The forward FLOPs per image that the benchmark reports, against the count by hand from SPEC §3's layer tables. */
class ModelFlopsTest {

    @Test
    void alexnet() {
        long conv = 2L * (28 * 28 * 32 * 9 + 14 * 14 * 64 * 9 * 32 + 7 * 7 * 128 * 9 * 64 + 7 * 7 * 256 * 9 * 128
                + 7 * 7 * 256 * 9 * 256);
        long dense = 2L * (2304 * 1024 + 1024 * 512 + 512 * 10);
        assertEquals(Map.of("Conv2D", conv, "MatMul", dense),
                FlopCount.forwardPerImage(new AlexNetProvider().create(ConvNetOptions.DEFAULTS, 10)));
    }

    @Test
    void resnet() {
        long stem = 28 * 28 * 16 * 9;
        long block1 = 2L * 28 * 28 * 16 * 9 * 16;
        long block2 = 14 * 14 * 32 * 9 * 16 + 14 * 14 * 32 * 9 * 32 + 14 * 14 * 32 * 9 * 16;
        long block3 = 7 * 7 * 64 * 9 * 32 + 7 * 7 * 64 * 9 * 64 + 7 * 7 * 64 * 9 * 32;
        assertEquals(Map.of("Conv2D", 2 * (stem + block1 + block2 + block3), "MatMul", 2L * 64 * 10),
                FlopCount.forwardPerImage(new ResNetProvider().create(ConvNetOptions.DEFAULTS, 10)));
    }

    @Test
    void mlpMixerOfDepthOneAndTwo() {
        long patch = 49L * 16 * 128;
        long layer = 128L * (49 * 196 + 196 * 49) + 49L * (128 * 64 + 64 * 128);
        long head = 128 * 10;
        MlpMixerProvider mixer = new MlpMixerProvider();
        assertEquals(2 * (patch + layer + head), FlopCount.total(FlopCount.forwardPerImage(
                mixer.create(new MlpMixerOptions(1, null, null, null, null, null), 10))));
        assertEquals(2 * (patch + 2 * layer + head), FlopCount.total(FlopCount.forwardPerImage(
                mixer.create(new MlpMixerOptions(2, null, null, null, null, null), 10))));
    }
}
