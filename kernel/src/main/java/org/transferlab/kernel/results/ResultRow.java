package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;

/**
 * One target × source × attack setting × repeat.
 *
 * @param parent      whether the source is the model the target was fine-tuned from (the hypothesis compares these)
 * @param setting     what the target, source and attack were, so that tables and figures need nothing else
 * @param metrics            what the metrics measured for this source alone
 * @param comparison         for another source of a target with a verdict: how the parent did against it ({@code
 *                           parent-better}, {@code no-difference}, {@code parent-worse}); otherwise null
 * @param comparisonMetrics  the paired metric's figures for that comparison (p-values, the paired difference); kept
 *                           apart because they describe a pair, and p-values do not average over repeats
 */
public record ResultRow(String target, String source, boolean parent, String attack, int repeat, int images,
        Setting setting, List<MetricValue> metrics, String comparison, List<MetricValue> comparisonMetrics) {

    public ResultRow {
        metrics = List.copyOf(metrics);
        comparisonMetrics = List.copyOf(comparisonMetrics);
    }

    /** The metrics, then the comparison's figures: the columns of a results row. */
    public List<MetricValue> allMetrics() {
        return java.util.stream.Stream.concat(metrics.stream(), comparisonMetrics.stream()).toList();
    }

    public MetricValue metric(String name) {
        return allMetrics().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * @param targetKind    {@code finetune} or {@code baseline} (trained from scratch on the target task)
     * @param targetSubset  training images of the target, null for the whole split
     * @param targetFreeze  the freeze rule's label: {@code first8}, {@code last2}, {@code none}, …
     * @param targetParent  the model the target was fine-tuned from; null for a baseline
     * @param budgetNorm    {@code LINF} or {@code L2}
     * @param budget        the attack's budget ε (+∞ for an unbounded minimum-norm attack)
     */
    public record Setting(String targetKind, String targetModel, String targetDataset, Integer targetSubset,
            String targetFreeze, String targetParent, String sourceModel, String sourceDataset, String attackPlugin,
            String budgetNorm, double budget) {
    }
}
