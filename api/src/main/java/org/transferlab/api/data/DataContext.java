package org.transferlab.api.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset plugin may read its files.
 *
 * @param root      the data root; plugins read only below it (and from well-known system copies)
 * @param download  whether missing files may be downloaded
 * @param progress  told about every download, so the kernel can draw a progress bar
 */
public record DataContext(Path root, boolean download, TransferProgress progress) {

    public DataContext {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(progress, "progress is null");
    }

    /** Downloads, if allowed, report no progress. */
    public DataContext(Path root, boolean download) {
        this(root, download, TransferProgress.NONE);
    }
}
