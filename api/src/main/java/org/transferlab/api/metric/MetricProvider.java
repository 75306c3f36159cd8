package org.transferlab.api.metric;

import org.transferlab.api.Provider;

/** A metric plugin: turns the predictions of one target on clean and adversarial images into named values. */
public interface MetricProvider<O extends Record> extends Provider<O> {

    Metric create(O options);
}
