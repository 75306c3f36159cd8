package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A bound and validated experiment file.
 *
 * @param file    the file it came from (for text loaded directly, the display name given)
 * @param sha256  the SHA-256 of the file's bytes, in lower-case hex
 * @param locator where in the file a path is, for problems found after loading
 */
public record LoadedExperiment(Path file, String sha256, ExperimentConfig config, ConfigLocator locator) {

    public LoadedExperiment {
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(config, "config is null");
        requireNonNull(locator, "locator is null");
    }
}
