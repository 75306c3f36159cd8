package org.transferlab.api;

/**
 * What every plugin provider has: a stable name, a typed options record and (in the sub-interfaces) a factory.
 *
 * <p>The options record is bound from the plugin's entry in {@code experiments.yaml}: each record component is a key,
 * Bean Validation annotations on the components are checked, and unknown keys are errors. A record with no components
 * ({@link NoOptions}) means the plugin takes no options.
 *
 * @param <O> the options record
 */
public interface Provider<O extends Record> {

    /** The name used in {@code experiments.yaml}; matches {@code [a-z][a-z0-9-]*} and never changes. */
    String name();

    /** The record that this plugin's options are bound to. */
    Class<O> optionsType();

    /** One line for {@code transferlab plugins}. */
    default String description() {
        return "";
    }
}
