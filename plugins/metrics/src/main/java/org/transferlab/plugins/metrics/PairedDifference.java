package org.transferlab.plugins.metrics;

/**
 * The difference of two paired success rates, d = p_A − p_B = (b − c)/n, with a 95% confidence interval by Newcombe's
 * hybrid score method for paired data (Newcombe 1998, Statistics in Medicine 17:2635, method 10; the "square-and-add"
 * interval of Fagerland, Lydersen and Laake). It combines the Wilson score intervals (l₁, u₁) of p_A and (l₂, u₂) of
 * p_B, allowing for their correlation φ:
 *
 * <pre>
 * lower = d − √((p_A − l₁)² − 2φ(p_A − l₁)(u₂ − p_B) + (u₂ − p_B)²)
 * upper = d + √((p_B − l₂)² − 2φ(p_B − l₂)(u₁ − p_A) + (u₁ − p_A)²)
 * </pre>
 *
 * φ is the correlation of the 2×2 table, (ad − bc)/√(product of the four margins), with Newcombe's adjustment: a
 * positive ad − bc is reduced by n/2 (and to no less than 0), and φ = 0 when any margin is empty. Unlike the Wald
 * interval it stays within [−1, 1] and does not collapse to a point when b = c = 0.
 *
 * @param estimate the difference d; NaN, like the bounds, when nothing was counted
 */
public record PairedDifference(double estimate, double lower, double upper) {

    public static PairedDifference of(PairedCounts t) {
        long n = t.n();
        if (n == 0) {
            return new PairedDifference(Double.NaN, Double.NaN, Double.NaN);
        }
        long successesA = t.both() + t.onlyA();
        long successesB = t.both() + t.onlyB();
        double pA = (double) successesA / n;
        double pB = (double) successesB / n;
        double[] a = Rate.wilson(successesA, n);
        double[] b = Rate.wilson(successesB, n);
        double phi = correlation(t);
        double below = Math.sqrt(square(pA - a[0]) - 2 * phi * (pA - a[0]) * (b[1] - pB) + square(b[1] - pB));
        double above = Math.sqrt(square(pB - b[0]) - 2 * phi * (pB - b[0]) * (a[1] - pA) + square(a[1] - pA));
        double d = pA - pB;
        return new PairedDifference(d, d - below, d + above);
    }

    static double correlation(PairedCounts t) {
        // Products of four margins reach 1e20 at n = 1e5: doubles, not longs.
        double margins = (double) (t.both() + t.onlyA()) * (t.onlyB() + t.neither())
                * (t.both() + t.onlyB()) * (t.onlyA() + t.neither());
        if (margins == 0) {
            return 0;
        }
        double cross = (double) t.both() * t.neither() - (double) t.onlyA() * t.onlyB();
        double half = t.n() / 2.0;
        double adjusted = cross > half ? cross - half : cross >= 0 ? 0 : cross;
        return adjusted / Math.sqrt(margins);
    }

    private static double square(double x) {
        return x * x;
    }
}
