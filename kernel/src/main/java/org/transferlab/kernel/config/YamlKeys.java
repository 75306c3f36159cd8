package org.transferlab.kernel.config;

/**
 * How record components are spelt in the file: {@code batchSize} is {@code batch_size}, and {@code batch-size} is
 * accepted for it too.
 */
final class YamlKeys {

    private YamlKeys() {
    }

    static String yamlName(String componentName) {
        StringBuilder name = new StringBuilder(componentName.length() + 4);
        for (char c : componentName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** The snake_case spelling of a key written in snake_case or kebab-case. */
    static String canonical(String key) {
        return key.replace('-', '_');
    }
}
