package org.transferlab.api;

/** The options record of a plugin that takes no options. */
public record NoOptions() {
}
