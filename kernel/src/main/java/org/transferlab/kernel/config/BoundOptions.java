package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One bound options record of a plugin entry and where each of its components came from, so that its constraint
 * violations point at the right element of an expanded list.
 *
 * @param entryPath       the plugin entry, e.g. {@code attack.methods[0]}
 * @param componentPaths  record component name to the path of the value it was bound from, e.g. {@code eps} to
 *                        {@code attack.methods[0].eps[1]}
 */
record BoundOptions(Record options, YamlPath entryPath, Map<String, YamlPath> componentPaths) {

    BoundOptions {
        requireNonNull(options, "options is null");
        requireNonNull(entryPath, "entryPath is null");
        componentPaths = Map.copyOf(componentPaths);
    }

    YamlPath pathOf(String componentName) {
        YamlPath path = componentPaths.get(componentName);
        return path != null ? path : entryPath.key(YamlKeys.yamlName(componentName));
    }
}
