package org.transferlab.kernel.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.api.PluginKind;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * A dataset plugin with its default options, bound as an experiment file naming only the plugin would bind them; what
 * the {@code data} commands work on.
 */
final class DatasetEntries {

    private DatasetEntries() {
    }

    /** One dataset plugin; {@code error} says why its options could not be bound, else it is null. */
    record Entry(String name, DatasetProvider<Record> provider, Record options, String error) {

        List<DataFile> files() {
            return provider.files(options);
        }

        List<DataFileStatus> status(DataContext context) {
            return provider.status(options, context);
        }

        void fetch(DataContext context) throws IOException {
            provider.fetch(options, context);
        }
    }

    /** Every dataset plugin, by name. */
    static List<Entry> all(PluginCatalog catalog) {
        List<Entry> entries = new ArrayList<>();
        for (String name : catalog.names(PluginKind.DATASET)) {
            entries.add(bind(catalog, name));
        }
        return entries;
    }

    /**
     * The named dataset plugins, in the order given.
     *
     * @throws BadInputException for a name that no dataset plugin has
     */
    static List<Entry> named(PluginCatalog catalog, List<String> names) {
        List<String> known = catalog.names(PluginKind.DATASET);
        for (String name : names) {
            if (!known.contains(name)) {
                throw new BadInputException("no dataset plugin is named '" + name + "'; dataset plugins: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        return names.stream().distinct().map(name -> bind(catalog, name)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Entry bind(PluginCatalog catalog, String name) {
        DatasetProvider<Record> provider =
                (DatasetProvider<Record>) catalog.find(PluginKind.DATASET, name).orElseThrow();
        try {
            Record options = ConfigLoader.loadPluginEntry("plugin: " + name + "\n", "dataset " + name,
                    PluginKind.DATASET, catalog).options();
            return new Entry(name, provider, options, null);
        } catch (ConfigException | RuntimeException e) {
            return new Entry(name, provider, null, "cannot use its default options: " + e.getMessage());
        }
    }
}
