package org.transferlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.LoadedExperiment;
import org.transferlab.kernel.plan.PlanException;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.TaskGraph;
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

    /** A validated experiment and its task graph. */
    record Loaded(PluginRegistry plugins, LoadedExperiment experiment, TaskGraph graph) {
    }

    Loaded load() throws ConfigException {
        return load(file, plugins);
    }

    /**
     * Loads, validates and plans (for commands whose file is not their first argument too): a file whose entries are
     * valid but whose tasks collide is bad input.
     */
    static Loaded load(Path file, PluginOptions plugins) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("experiment file " + file + " does not exist"
                    + (file.toString().equals("experiments.yaml") ? " (give the file as an argument, e.g. transferlab run examples/quickstart.yaml)" : ""));
        }
        PluginRegistry registry = plugins.load();
        LoadedExperiment experiment = ConfigLoader.load(file, registry);
        try {
            return new Loaded(registry, experiment, new Planner(experiment.config(), registry).plan());
        } catch (PlanException e) {
            throw experiment.locator().locate(e.problems());
        }
    }
}
