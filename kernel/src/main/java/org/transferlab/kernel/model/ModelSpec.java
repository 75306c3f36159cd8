package org.transferlab.kernel.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.api.PluginKind;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.PluginEntries;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * Which architecture a model is: a model plugin, its options and the number of classes. Stored in a model's
 * {@code model.json} as {@code "architecture": {"plugin": ..., options..., "classes": N}}.
 */
public record ModelSpec(String plugin, Record options, int classes) {

    private static final String CLASSES = "classes";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelSpec {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(options, "options is null");
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
    }

    /** Binds {@code NAME} and {@code KEY=VALUE} options as an experiment file would (validated, with suggestions). */
    public static ModelSpec bind(String plugin, Map<String, String> options, int classes, String displayName,
                                 PluginCatalog catalog) throws ConfigException {
        StringBuilder yaml = new StringBuilder("plugin: ").append(plugin).append('\n');
        options.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        PluginRef ref = ConfigLoader.loadPluginEntry(yaml.toString(), displayName, PluginKind.MODEL, catalog);
        return new ModelSpec(ref.plugin(), ref.options(), classes);
    }

    /** Reads the form {@link #toJson()} writes. */
    public static ModelSpec fromJson(Map<?, ?> json, String displayName, PluginCatalog catalog)
            throws ConfigException {
        Map<Object, Object> entry = new LinkedHashMap<>(json);
        Object classes = entry.remove(CLASSES);
        if (!(classes instanceof Number number)) {
            throw new IllegalArgumentException(displayName + ": the architecture has no class count");
        }
        String text;
        try {
            text = JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(displayName + ": the architecture is not plain JSON", e);
        }
        PluginRef ref = ConfigLoader.loadPluginEntry(text, displayName, PluginKind.MODEL, catalog);
        return new ModelSpec(ref.plugin(), ref.options(), number.intValue());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(PluginEntries.entry(plugin, options));
        json.put(CLASSES, classes);
        return json;
    }

    /** The architecture, from the catalog's provider of {@link #plugin()}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Architecture create(PluginCatalog catalog) {
        ModelProvider provider = (ModelProvider) catalog.find(PluginKind.MODEL, plugin).orElseThrow(
                () -> new IllegalArgumentException("no model plugin '" + plugin + "' is loaded"));
        return provider.create(options, classes);
    }
}
