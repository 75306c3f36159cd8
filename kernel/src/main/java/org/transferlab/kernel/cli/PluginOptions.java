package org.transferlab.kernel.cli;

import java.nio.file.Path;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** Where plugin JARs are read from: {@code --plugins}, else the distribution's {@code plugins/} folder. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugin folder (default: the distribution's plugins/ folder).")
    Path folder;

    PluginRegistry load() {
        Path chosen = folder;
        if (chosen == null) {
            String home = System.getProperty("transferlab.home");
            chosen = home == null ? null : Path.of(home, "plugins");
        }
        return PluginRegistry.load(Main.class.getClassLoader(), chosen);
    }
}
