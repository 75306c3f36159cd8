package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;

/**
 * One target × source × attack setting × repeat.
 *
 * @param parent      whether the source is the model the target was fine-tuned from (the hypothesis compares these)
 * @param setting     what the target, source and attack were, so that tables and figures need nothing else
 * @param comparison  for another source of a target with a verdict: how the parent did against it ({@code
 *                    parent-better}, {@code no-difference}, {@code parent-worse}); otherwise null
 */
public record ResultRow(String target, String source, boolean parent, String attack, int repeat, int images,
        Setting setting, List<MetricValue> metrics, String comparison) {

    public ResultRow {
        metrics = List.copyOf(metrics);
    }

    public MetricValue metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
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
