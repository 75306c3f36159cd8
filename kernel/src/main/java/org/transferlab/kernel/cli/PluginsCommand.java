package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.transferlab.kernel.plugin.LoadedPlugin;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin with its kind, name, version and the JAR it came from, and the JARs that failed to load.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = plugins.load();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-8s %-22s %-16s %s%n", "KIND", "NAME", "VERSION", "SOURCE");
        for (LoadedPlugin plugin : registry.plugins()) {
            out.printf("%-8s %-22s %-16s %s%n", plugin.kind().label(), plugin.name(), plugin.version(), plugin.source());
        }
        for (String failure : registry.loadFailures()) {
            out.println("not loaded: " + failure);
        }
        return ExitCodes.OK;
    }
}
