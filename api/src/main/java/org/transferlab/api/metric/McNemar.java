package org.transferlab.api.metric;

/**
 * The exact (binomial) two-sided McNemar test. Under the null hypothesis that A and B succeed equally often, each of
 * the m = b + c discordant pairs is equally likely to favour either, so min(b, c) is the lower tail of X ~ Bin(m, ½) and
 * p = min(1, 2·P[X ≤ min(b, c)]); p = 1 without discordant pairs. In the API so that the kernel pools repeats with
 * the same test as the {@code mcnemar} metric: counts summed over independent strata are again Bin(Σm, ½) under the
 * null hypothesis.
 *
 * @since 1.6
 */
public final class McNemar {

    private static final double LN2 = Math.log(2);

    private McNemar() {
    }

    /** The exact two-sided p-value for b pairs where only A succeeded and c where only B did. */
    public static double exactP(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: b=" + b + ", c=" + c);
        }
        long m = b + c;
        if (m == 0) {
            return 1;
        }
        return Math.min(1, 2 * lowerTailHalf(m, Math.min(b, c)));
    }

    /**
     * P[X ≤ k] for X ~ Bin(m, ½) and k ≤ m/2. The largest term, C(m, k)/2^m, is taken in log space; the smaller terms
     * below it follow from the ratio C(m, i−1)/C(m, i) = i/(m − i + 1) ≤ 1 and are summed relative to it, which neither
     * overflows nor loses the tail for m in the hundreds of thousands.
     */
    static double lowerTailHalf(long m, long k) {
        double logLargest = -m * LN2;
        for (long i = 1; i <= k; i++) {
            logLargest += Math.log((double) (m - i + 1) / i);
        }
        double sum = 1;
        double term = 1;
        for (long i = k; i >= 1; i--) {
            term *= (double) i / (m - i + 1);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return Math.exp(logLargest + Math.log(sum));
    }
}
