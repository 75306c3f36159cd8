package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a plugin entry back in the form the experiment file takes, {@code {plugin: name, option: value, ...}}, so
 * that stored artefacts (a model's {@code model.json}) can be bound again with
 * {@link ConfigLoader#loadPluginEntry}. Absent options are left out, so the plugin's defaults apply again.
 */
public final class PluginEntries {

    private PluginEntries() {
    }

    public static Map<String, Object> entry(String plugin, Record options) {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(options, "options is null");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(PluginRefBinder.PLUGIN_KEY, plugin);
        for (RecordComponent component : options.getClass().getRecordComponents()) {
            Object value = read(component, options);
            if (value != null) {
                entry.put(YamlKeys.yamlName(component.getName()), plain(value, component));
            }
        }
        return entry;
    }

    private static Object read(RecordComponent component, Record options) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(options);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read option " + component.getName() + " of "
                    + options.getClass().getName(), e);
        }
    }

    private static Object plain(Object value, RecordComponent component) {
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>();
            list.forEach(element -> elements.add(plain(element, component)));
            return elements;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("option " + component.getName() + " has a value of type "
                + value.getClass().getName() + ", which an experiment file cannot spell");
    }
}
