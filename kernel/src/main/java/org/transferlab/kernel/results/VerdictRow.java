package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;

/**
 * The verdict for one fine-tuned target and attack setting in one repeat: does its parent's attack transfer better than
 * the other sources'?
 *
 * @param verdict     the summary, e.g. {@code better-than-all}
 * @param decidedBy   the paired metric whose p-values decided it
 * @param comparisons one per other source
 */
public record VerdictRow(String target, String parent, String attack, int repeat, String verdict, String decidedBy,
        double alpha, List<Entry> comparisons) {

    public VerdictRow {
        comparisons = List.copyOf(comparisons);
    }

    /** The test behind the p-values, as tables name it: "the exact McNemar test" for the built-in metric. */
    public String test() {
        return decidedBy == null ? "a paired test" : decidedBy.equals("mcnemar") ? "the exact McNemar test"
                : "the paired metric " + decidedBy;
    }

    /**
     * The parent against one other source.
     *
     * @param difference  parent minus other transfer success, with its interval
     * @param outcome     {@code parent-better}, {@code no-difference} or {@code parent-worse}
     */
    public record Entry(String source, MetricValue difference, double p, double adjustedP, String outcome) {
    }
}
