package org.transferlab.kernel.cli;

import java.nio.file.Path;
import org.transferlab.kernel.config.DataConfig;
import org.transferlab.kernel.config.HomePath;
import picocli.CommandLine.Option;

/** {@code --data-root}, defaulting to the data root that runs use. */
final class DataRootOption {

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Data root (default: ~/.transferlab/data, as for runs).")
    String root;

    Path path() {
        String chosen = root != null ? root : new DataConfig(null, null).rootOrDefault();
        return HomePath.expand(chosen).toAbsolutePath().normalize();
    }
}
