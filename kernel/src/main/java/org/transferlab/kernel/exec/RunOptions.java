package org.transferlab.kernel.exec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run needs besides the experiment file.
 *
 * @param runDirectory  {@code <output>/<experiment>}; every artefact is written below it
 * @param dataRoot      where dataset plugins read their files
 * @param device        {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param threads       TensorFlow intra-op threads, 0 for its default
 * @param force         re-run tasks even when their artefacts are cached
 */
public record RunOptions(Path runDirectory, Path dataRoot, boolean download, String device, int threads, boolean force) {

    public RunOptions {
        Objects.requireNonNull(runDirectory, "runDirectory is null");
        Objects.requireNonNull(dataRoot, "dataRoot is null");
        Objects.requireNonNull(device, "device is null");
    }
}
