package org.transferlab.api.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a dataset's file was found, if anywhere.
 *
 * @param file  the file as published
 * @param path  the copy the plugin would read: the published file, or an equivalent form of it (such as the same file
 *              uncompressed, whose bytes differ from the published checksum)
 */
public record DataFileStatus(DataFile file, Optional<Path> path) {

    public DataFileStatus {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(path, "path is null");
    }

    /** Whether the copy found is the published file itself, so that its checksum applies. */
    public boolean isPublishedForm() {
        return path.isPresent() && path.get().getFileName().toString().equals(file.name());
    }
}
