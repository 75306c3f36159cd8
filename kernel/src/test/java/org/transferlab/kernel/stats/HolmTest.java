package org.transferlab.kernel.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepDownMultipliesByTheRemainingCountAndKeepsTheOrder() {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> raised to 0.06 to stay monotone.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        assertArrayEquals(new double[] {1, 1, 0.03}, Holm.adjust(new double[] {0.6, 0.7, 0.01}), 1e-15);
    }

    @Test
    void aSingleTestIsUnchanged() {
        assertArrayEquals(new double[] {0.0386}, Holm.adjust(new double[] {0.0386}), 0);
        assertArrayEquals(new double[] {}, Holm.adjust(new double[] {}), 0);
    }

    @Test
    void tiedValuesGetTheSameAdjustment() {
        assertArrayEquals(new double[] {0.04, 0.04}, Holm.adjust(new double[] {0.02, 0.02}), 1e-15);
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {0.1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {1.5}));
    }
}
