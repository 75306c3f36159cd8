package org.transferlab.kernel.config;

/** Names that become parts of paths (aliases, experiment names) must match this pattern. */
final class SafeName {

    static final String REGEX = "[a-z0-9][a-z0-9._-]{0,63}";
    static final String MESSAGE = "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit";

    private SafeName() {
    }
}
