package org.transferlab.kernel.plan;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An attack plugin with one expanded options record.
 *
 * @param label  stable readable name, e.g. {@code fgsm-eps0.1}; only options that were set appear in it
 */
public record AttackSetting(String plugin, Record options, String label) {

    public AttackSetting {
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(label, "label is null");
    }

    public static AttackSetting of(String plugin, Record options) {
        StringBuilder label = new StringBuilder(plugin);
        for (RecordComponent component : options.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(options);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read option " + component.getName() + " of " + plugin, e);
            }
            if (value != null) {
                label.append('-').append(component.getName().toLowerCase()).append(format(value));
            }
        }
        return new AttackSetting(plugin, options, label.toString().replaceAll("[^a-z0-9._-]", "_"));
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase().replace('_', '-');
        }
        return value.toString().toLowerCase();
    }
}
