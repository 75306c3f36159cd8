package org.transferlab.plugins.metrics;

import org.transferlab.api.metric.MetricValue;

/** A proportion with its 95% Wilson score interval, which stays inside [0,1] and behaves at 0 and n successes. */
final class Rate {

    static final double Z95 = 1.959963984540054;

    private Rate() {
    }

    static MetricValue of(String name, long successes, long trials) {
        if (trials == 0) {
            return new MetricValue(name, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        double[] interval = wilson(successes, trials);
        return new MetricValue(name, (double) successes / trials, interval[0], interval[1], successes, trials);
    }

    /** The 95% Wilson score interval {lower, upper} of k successes in n &gt; 0 trials. */
    static double[] wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
