package org.transferlab.kernel.results;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.transferlab.api.metric.MetricValue;

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
