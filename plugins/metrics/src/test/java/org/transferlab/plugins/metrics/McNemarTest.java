package org.transferlab.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.McNemar;

class McNemarTest {

    @Test
    void tenAgainstTwoIsTwiceTheBinomialLowerTail() {
        // 2·(C(12,0) + C(12,1) + C(12,2))/2^12 = 2·(1 + 12 + 66)/4096
        assertEquals(0.03857421875, McNemar.exactP(10, 2), 1e-15);
        assertEquals(0.03857421875, McNemar.exactP(2, 10), 1e-15);
    }

    @Test
    void allDiscordantPairsOnOneSide() {
        assertEquals(0.0625, McNemar.exactP(0, 5), 1e-15);
        assertEquals(0.0625, McNemar.exactP(5, 0), 1e-15);
    }

    @Test
    void equalDiscordantCountsGiveOne() {
        assertEquals(1.0, McNemar.exactP(7, 7));
        assertEquals(1.0, McNemar.exactP(1, 1));
        assertEquals(1.0, McNemar.exactP(50_000, 50_000));
    }

    @Test
    void noDiscordantPairsGiveOne() {
        assertEquals(1.0, McNemar.exactP(0, 0));
        PairedCounts none = new PairedCounts(40, 0, 0, 60);
        assertEquals(1.0, McNemar.exactP(none.onlyA(), none.onlyB()));
    }

    @Test
    void largeCountsMatchExactRationalArithmetic() {
        // Reference values: exact fractions in Python, 2·Σ_{i≤min(b,c)} C(b+c, i) / 2^(b+c) summed over integers, e.g.
        // python3 -c "from fractions import Fraction as F; from math import comb; b,c=50500,49500;
        //   print(float(F(2*sum(comb(b+c,i) for i in range(min(b,c)+1)), 2**(b+c))))"
        assertEquals(0.0015823598788515956, McNemar.exactP(50_500, 49_500), 1e-9 * 0.0015823598788515956);
        assertEquals(0.18706188977129684, McNemar.exactP(1_030, 970), 1e-9 * 0.18706188977129684);
    }

    @Test
    void extremeImbalanceUnderflowsToZeroWithoutFailing() {
        // The exact value 2^-99999 is below the smallest double.
        assertEquals(0.0, McNemar.exactP(100_000, 0));
    }

    @Test
    void agreesWithAnExactIntegerSumOverManyTables() {
        for (int m : new int[] {1, 2, 3, 17, 100, 401, 1000}) {
            for (int k = 0; k <= m / 2; k += Math.max(1, m / 23)) {
                double expected = Math.min(1, 2 * exactLowerTail(m, k));
                assertEquals(expected, McNemar.exactP(k, m - k), 1e-12 * Math.max(expected, 1e-300),
                        "m=" + m + ", k=" + k);
            }
        }
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> McNemar.exactP(-1, 3));
    }

    /** Σ_{i≤k} C(m, i) / 2^m with integer binomial coefficients, an independent route to the same tail. */
    private static double exactLowerTail(int m, int k) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger coefficient = BigInteger.ONE;
        for (int i = 0; i <= k; i++) {
            sum = sum.add(coefficient);
            coefficient = coefficient.multiply(BigInteger.valueOf(m - i)).divide(BigInteger.valueOf(i + 1));
        }
        return new BigDecimal(sum).divide(new BigDecimal(BigInteger.TWO.pow(m)), MathContext.DECIMAL128).doubleValue();
    }
}
