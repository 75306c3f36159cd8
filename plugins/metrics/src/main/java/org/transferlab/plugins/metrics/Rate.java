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
        double p = (double) successes / trials;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new MetricValue(name, p, Math.max(0, centre - half), Math.min(1, centre + half), successes, trials);
    }
}
