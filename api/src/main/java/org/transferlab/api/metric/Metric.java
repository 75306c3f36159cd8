package org.transferlab.api.metric;

import java.util.List;

/** A configured metric. */
public interface Metric {

    List<MetricValue> compute(Evaluation evaluation);
}
