package org.transferlab.kernel.exec;

import java.nio.file.Path;
import java.util.Objects;
import org.transferlab.kernel.engine.RuntimeOptions;

/**
 * What a run needs besides the experiment file.
 *
 * @param runDirectory  {@code <output>/<experiment>}; every artefact is written below it
 * @param dataRoot      where dataset plugins read their files
 * @param runtime       device, threads and precision of every TensorFlow session
 * @param force         re-run tasks even when their artefacts are cached
 */
public record RunOptions(Path runDirectory, Path dataRoot, boolean download, RuntimeOptions runtime,
                         boolean force) {

    public RunOptions {
        Objects.requireNonNull(runDirectory, "runDirectory is null");
        Objects.requireNonNull(dataRoot, "dataRoot is null");
        Objects.requireNonNull(runtime, "runtime is null");
    }
}
