package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** A dataset file whose content is not what its reader expects; the message names the file and what is wrong. */
public final class DataFileFormatException extends IOException {

    private final Path file;

    public DataFileFormatException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file is null") + ": " + problem);
        this.file = file;
    }

    public DataFileFormatException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file is null") + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
