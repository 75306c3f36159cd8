package org.transferlab.api.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset plugin may read its files.
 *
 * @param root      the data root; plugins read only below it (and from well-known system copies)
 * @param download  whether missing files may be downloaded
 */
public record DataContext(Path root, boolean download) {

    public DataContext {
        Objects.requireNonNull(root, "root is null");
    }
}
