package org.transferlab.kernel.plugin;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.api.PluginKind;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricProvider;
import org.transferlab.api.metric.PairedMetric;

/** The metrics an experiment lists, created with their default options (metrics take no options in the file). */
public final class Metrics {

    private Metrics() {
    }

    /** One metric per name, in the order given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Metric> create(PluginCatalog plugins, List<String> names) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            MetricProvider provider = (MetricProvider) plugins.find(PluginKind.METRIC, name)
                    .orElseThrow(() -> new IllegalStateException("no metric plugin named " + name));
            metrics.add(provider.create(DefaultOptions.of(provider.optionsType())));
        }
        return metrics;
    }

    /** The names among {@code names} whose metric compares two sources image by image. */
    public static List<String> paired(PluginCatalog plugins, List<String> names) {
        List<String> paired = new ArrayList<>();
        List<Metric> metrics = create(plugins, names);
        for (int i = 0; i < names.size(); i++) {
            if (metrics.get(i) instanceof PairedMetric) {
                paired.add(names.get(i));
            }
        }
        return paired;
    }
}
