package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * What the dataset and model plugins say about the aliases declared in the file: split sizes, class counts, parameter
 * counts. Each provider is asked once per alias; a provider that throws is reported at the alias, and an alias whose
 * entry already failed to bind or validate is not asked at all.
 */
final class PluginFacts {

    private final ExperimentConfig config;
    private final PluginCatalog catalog;
    private final NodeIndex index;
    private final ErrorCollector errors;
    private final Map<String, Optional<DatasetInfo>> datasets = new HashMap<>();
    private final Map<String, Optional<List<String>>> parameterNames = new HashMap<>();

    PluginFacts(ExperimentConfig config, PluginCatalog catalog, NodeIndex index, ErrorCollector errors) {
        this.config = requireNonNull(config, "config is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    Optional<DatasetInfo> dataset(String alias) {
        return datasets.computeIfAbsent(alias, this::askDataset);
    }

    /** The model's parameter tensor names in canonical order, when its plugin can build it. */
    Optional<List<String>> parameterNames(String modelAlias, int numClasses) {
        return parameterNames.computeIfAbsent(
                modelAlias + "/" + numClasses, key -> askParameterNames(modelAlias, numClasses));
    }

    /** {@code dataset 'fmnist' (fashion-mnist)}: the alias and its plugin. */
    String describeDataset(String alias) {
        return "dataset " + aliasWithPlugin(config.datasets(), alias);
    }

    String describeModel(String alias) {
        return "model " + aliasWithPlugin(config.models(), alias);
    }

    private static String aliasWithPlugin(Map<String, PluginRef> entries, String alias) {
        PluginRef ref = entries == null ? null : entries.get(alias);
        return "'" + alias + "'" + (ref == null ? "" : " (" + ref.plugin() + ")");
    }

    @SuppressWarnings("unchecked")
    private Optional<DatasetInfo> askDataset(String alias) {
        YamlPath path = YamlPath.ROOT.key("datasets").key(alias);
        Optional<PluginRef> ref = usableEntry(config.datasets(), alias, path);
        Optional<Provider<?>> provider = ref.flatMap(entry -> catalog.find(PluginKind.DATASET, entry.plugin()));
        if (provider.isEmpty() || !(provider.get() instanceof DatasetProvider<?> datasetProvider)) {
            return Optional.empty();
        }
        try {
            return Optional.of(((DatasetProvider<Record>) datasetProvider).describe(ref.get().options()));
        } catch (RuntimeException e) {
            errors.add(index.valueOrEnclosing(path), path,
                    "plugin '" + ref.get().plugin() + "' cannot describe this dataset: " + describe(e));
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<List<String>> askParameterNames(String alias, int numClasses) {
        YamlPath path = YamlPath.ROOT.key("models").key(alias);
        Optional<PluginRef> ref = usableEntry(config.models(), alias, path);
        Optional<Provider<?>> provider = ref.flatMap(entry -> catalog.find(PluginKind.MODEL, entry.plugin()));
        if (provider.isEmpty() || !(provider.get() instanceof ModelProvider<?> modelProvider)) {
            return Optional.empty();
        }
        try {
            Architecture architecture = ((ModelProvider<Record>) modelProvider).create(ref.get().options(), numClasses);
            List<String> names = architecture.parameters().stream().map(ParameterSpec::name).toList();
            if (architecture instanceof AutoCloseable closeable) {
                closeable.close();
            }
            return Optional.of(names);
        } catch (Exception e) {
            errors.add(index.valueOrEnclosing(path), path,
                    "plugin '" + ref.get().plugin() + "' cannot build this model: " + describe(e));
            return Optional.empty();
        }
    }

    private Optional<PluginRef> usableEntry(Map<String, PluginRef> entries, String alias, YamlPath path) {
        if (entries == null || entries.get(alias) == null || errors.failedAnywhereAlong(path)) {
            return Optional.empty();
        }
        return Optional.of(entries.get(alias));
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
