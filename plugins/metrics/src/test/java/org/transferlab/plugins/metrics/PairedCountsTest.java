package org.transferlab.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedCountsTest {

    @Test
    void talliesTheFourCellsOverEveryImageWithoutAMask() {
        boolean[] a = {true, true, false, false, true, false};
        boolean[] b = {true, false, true, false, false, false};
        assertEquals(new PairedCounts(1, 2, 1, 2), PairedCounts.of(a, b, null));
    }

    @Test
    void theMaskLeavesImagesOut() {
        boolean[] a = {true, true, false, false, true, false};
        boolean[] b = {true, false, true, false, false, false};
        boolean[] counted = {true, false, true, true, true, false};
        PairedCounts t = PairedCounts.of(a, b, counted);
        assertEquals(new PairedCounts(1, 1, 1, 1), t);
        assertEquals(4, t.n());
        assertEquals(0.0, t.difference());
    }

    /*
     * Eight images, labels y = 0..7; the target got 6 right (images 6 and 7 wrong), so only 0..5 count.
     *   i:           0  1  2  3  4  5  6  7
     *   t(x):        0  1  2  3  4  5  9  9
     *   t(x'_A):     9  9  9  3  4  9  9  9   -> A transfers on 0, 1, 2, 5
     *   t(x'_B):     9  1  2  9  4  5  9  9   -> B transfers on 0, 3
     * both: 0; only A: 1, 2, 5; only B: 3; neither: 4.
     */
    @Test
    void transferCountsOnlyImagesTheTargetClassifiedCorrectly() {
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] clean = {0, 1, 2, 3, 4, 5, 9, 9};
        int[] adversarialA = {9, 9, 9, 3, 4, 9, 9, 9};
        int[] adversarialB = {9, 1, 2, 9, 4, 5, 9, 9};
        PairedCounts t = PairedCounts.ofTransfer(labels, clean, adversarialA, adversarialB);
        assertEquals(new PairedCounts(1, 3, 1, 1), t);
        assertEquals(2.0 / 6, t.difference(), 1e-15);
    }

    @Test
    void arraysOfDifferentLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedCounts.of(new boolean[2], new boolean[3], null));
        assertThrows(IllegalArgumentException.class,
                () -> PairedCounts.of(new boolean[2], new boolean[2], new boolean[1]));
        assertThrows(IllegalArgumentException.class,
                () -> PairedCounts.ofTransfer(new int[2], new int[2], new int[2], new int[3]));
    }

    @Test
    void nothingCountedHasNoDifference() {
        assertEquals(Double.NaN, new PairedCounts(0, 0, 0, 0).difference());
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PairedCounts(0, -1, 0, 0));
    }
}
