package org.transferlab.plugins.datasets.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** A from × from image whose source column {@code column} is {@code value} and the rest 0. */
    private static int[] column(int from, int column, int value) {
        int[] image = new int[from * from];
        for (int r = 0; r < from; r++) {
            image[r * from + column] = value;
        }
        return image;
    }

    private static int[] resize(Resampler resampler, int[] source, int scale) {
        byte[] target = new byte[resampler.to() * resampler.to()];
        resampler.resize(source, scale, target, 0);
        int[] pixels = new int[target.length];
        for (int p = 0; p < target.length; p++) {
            pixels[p] = target[p] & 0xff;
        }
        return pixels;
    }

    /** Asserts that every row of a to × to image is {@code expected}. */
    private static void assertEveryRow(int[] expected, int[] image) {
        int to = expected.length;
        for (int r = 0; r < to; r++) {
            assertArrayEquals(expected, Arrays.copyOfRange(image, r * to, (r + 1) * to), "row " + r);
        }
    }

    private static int[] padded(int to, int... leading) {
        return Arrays.copyOf(leading, to);
    }

    @Test
    void areaFrom32To28WeighsEachSourcePixelByItsOverlapInEighths() {
        Resampler area = Resampler.area(32, 28);
        assertEquals(8, area.denominator());
        // Target j covers source [8j/7, 8(j+1)/7): 7/8 of pixel 0 and 1/8 of pixel 1, then 6/8 and 2/8, and so on.
        assertEquals(7, area.weight(0, 0));
        assertEquals(1, area.weight(0, 1));
        assertEquals(0, area.weight(0, 2));
        assertEquals(6, area.weight(1, 1));
        assertEquals(2, area.weight(1, 2));
        assertEquals(1, area.weight(6, 6));
        assertEquals(7, area.weight(6, 7));
        assertEquals(7, area.weight(7, 8));
        assertEquals(1, area.weight(7, 9));
        assertEquals(1, area.weight(27, 30));
        assertEquals(7, area.weight(27, 31));
    }

    @Test
    void areaAveragesAThinLineByHand() {
        // Source column 1 at 255: target 0 holds 1/8 of it (31.875), target 1 holds 6/8 (191.25), target 2 nothing.
        int[] image = resize(Resampler.area(32, 28), column(32, 1, 255), 1);
        assertEveryRow(padded(28, 32, 191), image);
    }

    @Test
    void areaWeighsRowsAndColumnsAlike() {
        int[] source = new int[32 * 32];
        source[32 + 1] = 255;
        int[] image = resize(Resampler.area(32, 28), source, 1);
        assertEquals(4, image[0]); // 255/64 = 3.98
        assertEquals(24, image[1]); // 255·6/64 = 23.9
        assertEquals(24, image[28]);
        assertEquals(143, image[28 + 1]); // 255·36/64 = 143.4
        assertEquals(0, image[2]);
        assertEquals(0, image[2 * 28 + 1]);
    }

    @Test
    void roundsHalfUpOnce() {
        // 4/8 = 0.5 rounds to 1 and 4·6/8 = 3.
        assertEveryRow(padded(28, 1, 3), resize(Resampler.area(32, 28), column(32, 1, 4), 1));
        // A scaled source keeps its fraction: 3.6/8 = 0.45 gives 0, where rounding 3.6 to 4 first would give 1.
        assertEveryRow(padded(28, 0, 3), resize(Resampler.area(32, 28), column(32, 1, 3_600), 1_000));
        int[] uniform = new int[32 * 32];
        Arrays.fill(uniform, 76_245);
        int[] expected = new int[28 * 28];
        Arrays.fill(expected, 76);
        assertArrayEquals(expected, resize(Resampler.area(32, 28), uniform, 1_000));
    }

    @Test
    void bilinearFrom16To28SamplesAtHalfPixelCentres() {
        Resampler bilinear = Resampler.bilinear(16, 28);
        assertEquals(14, bilinear.denominator());
        // Target j samples source x = (8j - 3)/14: j=1 at 5/14, j=2 at 13/14, j=3 at 1.5.
        assertEquals(9, bilinear.weight(1, 0));
        assertEquals(5, bilinear.weight(1, 1));
        assertEquals(1, bilinear.weight(2, 0));
        assertEquals(13, bilinear.weight(2, 1));
        assertEquals(7, bilinear.weight(3, 1));
        assertEquals(7, bilinear.weight(3, 2));
        // Source column 1 at 255: 255·5/14 = 91.07, 255·13/14 = 236.8, 255/2 = 127.5 rounds up.
        assertEveryRow(padded(28, 0, 91, 237, 128), resize(bilinear, column(16, 1, 255), 1));
    }

    @Test
    void bilinearHoldsTheEdgePixelsBeyondTheirCentres() {
        Resampler bilinear = Resampler.bilinear(16, 28);
        // Target 0 samples x = -3/14 and target 27 x = 15 + 3/14: both take the edge pixel alone.
        assertEquals(14, bilinear.weight(0, 0));
        assertEquals(14, bilinear.weight(27, 15));
        assertEveryRow(padded(28, 255, 164, 18), resize(bilinear, column(16, 0, 255), 1));
        int[] last = resize(bilinear, column(16, 15, 255), 1);
        assertEquals(255, last[27]);
        assertEquals(164, last[26]); // x = 14 + 9/14: 255·9/14 = 163.9
        assertEquals(0, last[23]);
    }

    @Test
    void uniformImagesStayUniform() {
        for (Resampler resampler : new Resampler[] {Resampler.area(32, 28), Resampler.bilinear(16, 28)}) {
            int[] source = new int[resampler.from() * resampler.from()];
            Arrays.fill(source, 201);
            int[] expected = new int[28 * 28];
            Arrays.fill(expected, 201);
            assertArrayEquals(expected, resize(resampler, source, 1));
        }
    }

    @Test
    void equalSidesCopyTheImage() {
        int[] source = new int[28 * 28];
        for (int p = 0; p < source.length; p++) {
            source[p] = p % 256;
        }
        assertArrayEquals(source, resize(Resampler.area(28, 28), source, 1));
        assertArrayEquals(source, resize(Resampler.bilinear(28, 28), source, 1));
    }

    @Test
    void writesAtTheGivenOffset() {
        byte[] target = new byte[3 * 28 * 28];
        int[] source = new int[16 * 16];
        Arrays.fill(source, 9);
        Resampler.bilinear(16, 28).resize(source, 1, target, 28 * 28);
        assertEquals(0, target[28 * 28 - 1]);
        assertEquals(9, target[28 * 28]);
        assertEquals(9, target[2 * 28 * 28 - 1]);
        assertEquals(0, target[2 * 28 * 28]);
    }

    @Test
    void eachFilterGoesOneWay() {
        IllegalArgumentException up = assertThrows(IllegalArgumentException.class, () -> Resampler.area(16, 28));
        assertEquals("area averaging shrinks; use bilinear to enlarge 16 to 28", up.getMessage());
        IllegalArgumentException down = assertThrows(IllegalArgumentException.class, () -> Resampler.bilinear(32, 28));
        assertEquals("bilinear interpolation without antialiasing enlarges; use area to shrink 32 to 28", down.getMessage());
    }

    @Test
    void rejectsASourceOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resampler.area(32, 28).resize(new int[28 * 28], 1, new byte[28 * 28], 0));
        assertEquals("expected 32 x 32 values, got 784", e.getMessage());
    }
}
