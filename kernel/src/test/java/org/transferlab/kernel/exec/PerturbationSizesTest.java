package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;

class PerturbationSizesTest {

    @Test
    void l0CountsOnlyPixelsThatMovedMoreThanHalfAGreyLevel() {
        float[] clean = new float[2 * ImageSet.PIXELS];
        float[] adversarial = clean.clone();
        adversarial[0] = 1e-6f;              // float rounding, as CW's tanh leaves everywhere
        adversarial[1] = 0.4f / 255;         // under half a grey level
        adversarial[2] = 0.6f / 255;         // over it
        adversarial[3] = 0.3f;
        adversarial[ImageSet.PIXELS] = 1f;   // the second image: one pixel, fully

        PerturbationSizes sizes = PerturbationSizes.of(clean, adversarial, 2);

        assertArrayEquals(new int[] {2, 1}, sizes.l0());
        assertEquals(0.3f, sizes.linf()[0]);
        assertEquals((float) Math.sqrt(1e-12 + Math.pow(0.4 / 255, 2) + Math.pow(0.6 / 255, 2) + 0.09), sizes.l2()[0],
                1e-7);
        assertEquals(1f, sizes.l2()[1]);
    }
}
