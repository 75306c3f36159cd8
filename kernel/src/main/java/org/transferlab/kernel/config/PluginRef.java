package org.transferlab.kernel.config;

import java.util.List;
import java.util.Objects;

/**
 * A plugin and its bound options: {@code {plugin: fgsm, eps: [0.1, 0.2]}}. An option given as a list where the plugin
 * expects a single value expands into one variant per element (the cartesian product over all such options), in file
 * order; a plugin entry without list values has exactly one variant.
 *
 * @param plugin    the plugin's name
 * @param variants  the options records, one per expanded setting
 * @param weights   on a model entry, the PyTorch state_dict file ({@code weights:}) that is the pre-trained model, or
 *                  null
 */
public record PluginRef(String plugin, List<Record> variants, String weights) {

    public PluginRef {
        Objects.requireNonNull(plugin, "plugin is null");
        variants = List.copyOf(variants);
    }

    public PluginRef(String plugin, List<Record> variants) {
        this(plugin, variants, null);
    }

    /** The options of a plugin entry that does not expand. */
    public Record options() {
        if (variants.size() != 1) {
            throw new IllegalStateException("plugin entry '" + plugin + "' expands into " + variants.size() + " settings");
        }
        return variants.get(0);
    }
}
