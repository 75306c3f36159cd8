package org.transferlab.plugins.datasets.idx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** An IDX file whose content is not what its reader expects; the message names the file, the expectation and the finding. */
public final class IdxFormatException extends IOException {

    private final Path file;

    public IdxFormatException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file is null") + ": " + problem);
        this.file = file;
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file is null") + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
