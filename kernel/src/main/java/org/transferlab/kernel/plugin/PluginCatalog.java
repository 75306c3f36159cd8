package org.transferlab.kernel.plugin;

import java.util.List;
import java.util.Optional;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;

/** Looks plugins up by kind and name. */
public interface PluginCatalog {

    Optional<Provider<?>> find(PluginKind kind, String name);

    /** The names of every loaded plugin of a kind, sorted. */
    List<String> names(PluginKind kind);

    /** The version of a loaded plugin, part of every cache key that the plugin's output enters. */
    String version(PluginKind kind, String name);

    /**
     * One line per plugin JAR that failed to load ("path: reason"). A failed JAR stops only the experiments that name a
     * plugin it would have provided, so these lines are added to an unknown-plugin error.
     */
    default List<String> loadFailures() {
        return List.of();
    }
}
