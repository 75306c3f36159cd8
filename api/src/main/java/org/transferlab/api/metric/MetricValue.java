package org.transferlab.api.metric;

import java.util.Objects;

/**
 * One named figure. A rate carries its count of successes out of trials and a 95% confidence interval; a plain value
 * (a mean perturbation, say) has NaN bounds and zero trials.
 */
public record MetricValue(String name, double value, double lower, double upper, long successes, long trials) {

    public MetricValue {
        Objects.requireNonNull(name, "name is null");
    }

    public static MetricValue plain(String name, double value) {
        return new MetricValue(name, value, Double.NaN, Double.NaN, 0, 0);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower);
    }
}
