package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.stats.ComparisonFamily;

/**
 * The verdict for one fine-tuned target and attack setting in one repeat: does its parent's attack transfer better than
 * the other sources'?
 *
 * @param verdict       the summary over the sources of the parent's architecture (the study's question), e.g.
 *                      {@code better-than-all}
 * @param crossVerdict  the summary over the sources of other architectures, or null where a run predates families
 * @param decidedBy     the paired metric whose p-values decided it
 * @param comparisons   one per other source, those of the parent's architecture first
 */
public record VerdictRow(String target, String parent, String attack, int repeat, String verdict, String crossVerdict,
        String decidedBy, double alpha, List<Entry> comparisons) {

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
     * @param family      {@code same-architecture} or {@code cross-architecture}; Holm adjusts within it
     * @param difference  parent minus other transfer success, with its (unadjusted) interval
     * @param outcome     {@code parent-better}, {@code no-difference} or {@code parent-worse}
     */
    public record Entry(String source, String family, MetricValue difference, double p, double adjustedP,
            String outcome) {
    }

    /** The verdict of one family. */
    public String verdictOf(String family) {
        return family.equals(ComparisonFamily.CROSS_ARCHITECTURE.label()) ? crossVerdict : verdict;
    }
}
