package org.transferlab.kernel.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.transferlab.api.PluginKind;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** The dataset plugin whose training images a benchmark measures on. */
final class BenchDataset {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "synthetic",
            description = "Dataset plugin whose training images are measured on (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Where dataset files are (default: ~/.transferlab/data).")
    Path dataRoot;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ImageSet trainingImages(PluginRegistry registry) throws Exception {
        PluginRef entry = ConfigLoader.loadPluginEntry("plugin: " + dataset + "\n", "command line",
                PluginKind.DATASET, registry);
        DatasetProvider provider = (DatasetProvider) registry.find(PluginKind.DATASET, entry.plugin()).orElseThrow();
        Path root = dataRoot != null ? dataRoot : Path.of(System.getProperty("user.home"), ".transferlab", "data");
        try {
            return provider.open(entry.options(), new DataContext(root, false)).split("train");
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + dataset + ": " + e.getMessage());
        }
    }
}
