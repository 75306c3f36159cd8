package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;

/**
 * One target × source × attack setting × repeat.
 *
 * @param parent      whether the source is the model the target was fine-tuned from (the hypothesis compares these)
 * @param comparison  for another source of a target with a verdict: how the parent did against it ({@code
 *                    parent-better}, {@code no-difference}, {@code parent-worse}); otherwise null
 */
public record ResultRow(String target, String source, boolean parent, String attack, int repeat, int images,
        List<MetricValue> metrics, String comparison) {

    public ResultRow {
        metrics = List.copyOf(metrics);
    }

    public MetricValue metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
