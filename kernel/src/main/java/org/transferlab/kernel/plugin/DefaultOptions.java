package org.transferlab.kernel.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** The options record of a plugin named without options: every component absent, so the plugin applies its defaults. */
final class DefaultOptions {

    private DefaultOptions() {
    }

    static Record of(Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i].isPrimitive()) {
                throw new IllegalArgumentException(type.getName() + "." + components[i].getName()
                        + " is primitive, so it has no 'absent' value; declare it with a boxed type");
            }
        }
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create default options " + type.getName(), e);
        }
    }
}
