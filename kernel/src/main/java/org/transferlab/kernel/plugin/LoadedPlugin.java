package org.transferlab.kernel.plugin;

import java.util.Objects;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;

/**
 * A plugin the registry found.
 *
 * @param source   the JAR (or class folder) its provider class came from
 * @param version  the plugin's version, from its JAR manifest
 */
public record LoadedPlugin(PluginKind kind, Provider<?> provider, String version, String source) {

    public LoadedPlugin {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(provider, "provider is null");
        Objects.requireNonNull(version, "version is null");
        Objects.requireNonNull(source, "source is null");
    }

    public String name() {
        return provider.name();
    }
}
