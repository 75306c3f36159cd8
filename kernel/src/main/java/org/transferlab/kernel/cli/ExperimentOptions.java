package org.transferlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.LoadedExperiment;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The experiment file argument and the plugins it is validated against. */
final class ExperimentOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "experiments.yaml",
            description = "Experiment file (default: ${DEFAULT-VALUE}).")
    Path file;

    @Mixin
    PluginOptions plugins;

    record Loaded(PluginRegistry plugins, LoadedExperiment experiment) {
    }

    Loaded load() throws ConfigException {
        return load(file, plugins);
    }

    /** For commands whose file is not their first argument. */
    static Loaded load(Path file, PluginOptions plugins) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("experiment file " + file + " does not exist"
                    + (file.toString().equals("experiments.yaml") ? " (give the file as an argument, e.g. transferlab run examples/quickstart.yaml)" : ""));
        }
        PluginRegistry registry = plugins.load();
        return new Loaded(registry, ConfigLoader.load(file, registry));
    }
}
