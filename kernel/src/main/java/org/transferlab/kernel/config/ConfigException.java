package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in an experiment file, sorted by position; the message has one line per problem. */
public final class ConfigException extends Exception {

    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(describe(errors));
        this.errors = errors.stream().sorted().toList();
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String describe(List<ConfigError> errors) {
        requireNonNull(errors, "errors is null");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one error");
        }
        return errors.stream().sorted().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
