package org.transferlab.api;

import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.metric.MetricProvider;
import org.transferlab.api.model.ModelProvider;

/** The four kinds of plugin, each with the service interface that {@link java.util.ServiceLoader} looks up. */
public enum PluginKind {
    DATASET("dataset", DatasetProvider.class),
    MODEL("model", ModelProvider.class),
    ATTACK("attack", AttackProvider.class),
    METRIC("metric", MetricProvider.class);

    private final String label;
    @SuppressWarnings("rawtypes")
    private final Class<? extends Provider> serviceType;

    @SuppressWarnings("rawtypes")
    PluginKind(String label, Class<? extends Provider> serviceType) {
        this.label = label;
        this.serviceType = serviceType;
    }

    public String label() {
        return label;
    }

    @SuppressWarnings("rawtypes")
    public Class<? extends Provider> serviceType() {
        return serviceType;
    }
}
