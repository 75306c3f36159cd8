package org.transferlab.kernel.report;

import java.math.BigDecimal;
import java.util.Locale;
import org.transferlab.api.metric.MetricValue;

/** How the report writes numbers: rates as percentages, differences in points, p-values, budgets as written. */
final class ReportNumbers {

    static final String MISSING = "–";

    private ReportNumbers() {
    }

    static String percent(double value) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    static String percent(MetricValue value) {
        return value == null ? MISSING : percent(value.value());
    }

    /** A rate with its 95% interval: {@code 22.5% [19.0, 26.4]}. */
    static String withInterval(MetricValue value) {
        if (value == null || Double.isNaN(value.value())) {
            return MISSING;
        }
        if (!value.hasInterval()) {
            return percent(value.value());
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * value.value(), 100 * value.lower(),
                100 * value.upper());
    }

    /** A difference of rates in percentage points with its interval: {@code +14.5 [+11.2, +17.9]}. */
    static String points(MetricValue difference) {
        if (difference == null || Double.isNaN(difference.value())) {
            return MISSING;
        }
        if (Double.isNaN(difference.lower())) {
            return String.format(Locale.ROOT, "%+.1f", 100 * difference.value());
        }
        return String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * difference.value(), 100 * difference.lower(),
                100 * difference.upper());
    }

    /** Mean ± standard deviation of a rate over repeats, in percent; the deviation is left out when undefined. */
    static String meanStd(double mean, double std) {
        if (Double.isNaN(mean)) {
            return MISSING;
        }
        return Double.isNaN(std) ? percent(mean) : String.format(Locale.ROOT, "%.1f ± %.1f%%", 100 * mean, 100 * std);
    }

    /** p-values span many orders of magnitude: fixed decimals would print tiny ones as 0. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return MISSING;
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Budgets are single-precision in the attacks: 0.1f is stored as 0.10000000149…, and written as 0.1. */
    static String budget(double budget) {
        if (Double.isNaN(budget)) {
            return MISSING;
        }
        if (Double.isInfinite(budget)) {
            return "∞";
        }
        return new BigDecimal(Float.toString((float) budget)).stripTrailingZeros().toPlainString();
    }
}
