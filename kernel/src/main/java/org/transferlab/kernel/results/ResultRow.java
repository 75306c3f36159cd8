package org.transferlab.kernel.results;

import java.util.List;
import org.transferlab.api.metric.MetricValue;

/**
 * One target × source × attack setting × repeat.
 *
 * @param parent  whether the source is the model the target was fine-tuned from (the hypothesis compares these)
 */
public record ResultRow(String target, String source, boolean parent, String attack, int repeat, int images,
        List<MetricValue> metrics) {

    public MetricValue metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
