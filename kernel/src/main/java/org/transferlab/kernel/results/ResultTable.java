package org.transferlab.kernel.results;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.stats.ComparisonFamily;

/** The console table: one line per target × source × attack, the parent source marked with an asterisk. */
public final class ResultTable {

    private ResultTable() {
    }

    public static void print(List<ResultRow> rows, PrintStream out) {
        int targetWidth = Math.max(6, rows.stream().mapToInt(r -> r.target().length()).max().orElse(0));
        int sourceWidth = Math.max(6, rows.stream().mapToInt(r -> r.source().length() + 2).max().orElse(0));
        int attackWidth = Math.max(6, rows.stream().mapToInt(r -> r.attack().length()).max().orElse(0));
        String format = "%-" + targetWidth + "s  %-" + sourceWidth + "s  %-" + attackWidth + "s  %9s  %9s  %s%n";
        out.printf(Locale.ROOT, format, "target", "source", "attack", "clean acc", "adv acc", "transfer rate [95% CI]");
        for (ResultRow row : rows) {
            out.printf(Locale.ROOT, format, row.target(), row.source() + (row.parent() ? " *" : ""), row.attack(),
                    percent(row.metric("clean_accuracy")), percent(row.metric("adversarial_accuracy")),
                    withInterval(row.metric("transfer_rate")));
        }
        out.println("* the source is the target's parent (the model it was fine-tuned from)");
    }

    /**
     * The verdict table: per target and attack setting and per family (same architecture first), how the parent's
     * transfer compares with each other source's (difference parent − other in points, Holm-adjusted p) and the
     * family's verdict.
     */
    public static void printVerdicts(List<VerdictRow> verdicts, PrintStream out) {
        if (verdicts.isEmpty()) {
            return;
        }
        int targetWidth = Math.max(6, verdicts.stream().mapToInt(v -> v.target().length()).max().orElse(0));
        int attackWidth = Math.max(6, verdicts.stream().mapToInt(v -> v.attack().length()).max().orElse(0));
        int sourceWidth = Math.max(12, verdicts.stream().flatMap(v -> v.comparisons().stream())
                .mapToInt(c -> c.source().length()).max().orElse(0));
        String format = "%-" + targetWidth + "s  %-" + attackWidth + "s  %-6s  %-" + sourceWidth
                + "s  %-22s  %9s  %-13s  %s%n";
        out.printf(Locale.ROOT, format, "target", "attack", "family", "other source", "difference [95% CI]", "p (Holm)",
                "comparison", "verdict");
        for (VerdictRow verdict : verdicts) {
            boolean first = true;
            for (ComparisonFamily f : ComparisonFamily.values()) {
                String family = f.label();
                List<VerdictRow.Entry> entries = verdict.comparisons().stream()
                        .filter(entry -> entry.family().equals(family)).toList();
                for (int i = 0; i < entries.size(); i++) {
                    VerdictRow.Entry entry = entries.get(i);
                    out.printf(Locale.ROOT, format, first ? verdict.target() : "", first ? verdict.attack() : "",
                            i == 0 ? family.substring(0, family.indexOf('-')) : "", entry.source(),
                            points(entry.difference()), pValue(entry.adjustedP()), entry.outcome(),
                            i == 0 ? verdict.verdictOf(family) : "");
                    first = false;
                }
            }
        }
        out.printf(Locale.ROOT, "difference: parent's transfer rate minus the other source's, on the images the target "
                + "classifies correctly, unadjusted 95%% interval; %s, Holm-corrected within each family (same: the "
                + "parent's architecture pre-trained on other data, the headline; cross: other architectures), "
                + "alpha %s%n", verdicts.get(0).test(), verdicts.get(0).alpha());
    }

    private static String points(MetricValue difference) {
        if (Double.isNaN(difference.value())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+5.1f [%+5.1f, %+5.1f]", 100 * difference.value(), 100 * difference.lower(),
                100 * difference.upper());
    }

    private static String pValue(double p) {
        return Double.isNaN(p) ? "-" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String percent(MetricValue value) {
        return value == null || Double.isNaN(value.value()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value.value());
    }

    private static String withInterval(MetricValue value) {
        if (value == null || Double.isNaN(value.value())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%5.1f%% [%4.1f, %4.1f]", 100 * value.value(), 100 * value.lower(), 100 * value.upper());
    }
}
