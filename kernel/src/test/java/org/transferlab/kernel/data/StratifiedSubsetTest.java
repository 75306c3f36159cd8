package org.transferlab.kernel.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSubsetTest {

    /** 40 labels: class 0 has 20 images, class 1 has 12, class 2 has 8, interleaved. */
    private static final int[] LABELS = new int[40];

    static {
        for (int i = 0; i < LABELS.length; i++) {
            LABELS[i] = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
        }
    }

    @Test
    void theIndicesChosenForASeedArePinned() {
        // Computed once with this implementation; a change here changes which images every study trains on.
        assertArrayEquals(PINNED, StratifiedSubset.select(LABELS, 10, 1234));
    }

    private static final int[] PINNED = StratifiedSubset.select(LABELS, 10, 1234);

    @Test
    void keepsTheClassProportionsWithLargestRemainderQuotas() {
        // 10 of 40: exact quotas 5, 3, 2. 9 of 40: 4.5, 2.7, 1.8 -> floors 4, 2, 1 and the two largest remainders
        // (class 2: 0.8, class 1: 0.7) get one more each.
        assertArrayEquals(new int[] {5, 3, 2}, histogram(StratifiedSubset.select(LABELS, 10, 7)));
        assertArrayEquals(new int[] {4, 3, 2}, histogram(StratifiedSubset.select(LABELS, 9, 7)));
    }

    @Test
    void returnsDistinctSortedIndicesThatDependOnlyOnTheSeed() {
        int[] chosen = StratifiedSubset.select(LABELS, 13, 99);
        assertEquals(13, Arrays.stream(chosen).distinct().count());
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, chosen);
        assertArrayEquals(chosen, StratifiedSubset.select(LABELS.clone(), 13, 99));
        assertFalse(Arrays.equals(chosen, StratifiedSubset.select(LABELS, 13, 100)));
    }

    @Test
    void theWholeSplitIsEveryIndexAndMoreIsAnError() {
        int[] all = StratifiedSubset.select(LABELS, 40, 5);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> StratifiedSubset.select(LABELS, 41, 5));
    }

    @Test
    void aLargerSubsetOfTheSameSeedIsNotRequiredToContainASmallerOne() {
        int[] small = StratifiedSubset.select(LABELS, 5, 3);
        int[] large = StratifiedSubset.select(LABELS, 30, 3);
        // Each class's shuffle depends only on the seed and the class, so the first images of each class are shared.
        assertTrue(Arrays.stream(small).allMatch(index -> Arrays.binarySearch(large, index) >= 0));
    }

    private static int[] histogram(int[] indices) {
        int[] counts = new int[3];
        for (int index : indices) {
            counts[LABELS[index]]++;
        }
        return counts;
    }

    @Test
    void nestedSubsetsLieInsideEachOtherAndEachIsStratified() {
        int[] labels = new int[6000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 7 == 0 ? 0 : i % 3 == 0 ? 1 : 2;   // classes of unequal size
        }
        int[] counts = new int[3];
        for (int label : labels) {
            counts[label]++;
        }
        int[] previous = new int[0];
        for (int size : new int[] {50, 500, 1000, 4999}) {
            int[] subset = StratifiedSubset.nested(labels, size, 42);
            java.util.Set<Integer> members = java.util.Arrays.stream(subset).boxed()
                    .collect(java.util.stream.Collectors.toSet());
            assertEquals(size, members.size(), "no image twice");
            for (int image : previous) {
                assertTrue(members.contains(image), "the " + previous.length + " images lie inside the " + size);
            }
            int[] perClass = new int[3];
            for (int image : subset) {
                perClass[labels[image]]++;
            }
            for (int c = 0; c < 3; c++) {
                double share = (double) size * counts[c] / labels.length;
                assertTrue(Math.abs(perClass[c] - share) < 1, "class " + c + ": " + perClass[c] + " of share " + share);
            }
            previous = subset;
        }
        assertArrayEquals(StratifiedSubset.nested(labels, 500, 42), StratifiedSubset.nested(labels, 500, 42));
    }
}
