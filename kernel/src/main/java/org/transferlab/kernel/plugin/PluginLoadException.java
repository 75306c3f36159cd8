package org.transferlab.kernel.plugin;

/** The set of plugins is unusable as a whole, e.g. two plugins claim the same name. */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }
}
