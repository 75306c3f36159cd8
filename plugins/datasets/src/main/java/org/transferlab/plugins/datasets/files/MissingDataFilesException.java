package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Some files of a dataset are in none of the folders searched; the message says which, where, and how to provide them. */
public final class MissingDataFilesException extends IOException {

    private final String dataset;
    private final List<String> missing;
    private final List<Path> searched;

    /**
     * @param missing   the file names not found, as the dataset calls them
     * @param searched  every folder searched, in order
     * @param message   says which files, where they were looked for, and how to provide them
     */
    public MissingDataFilesException(String dataset, List<String> missing, List<Path> searched, String message) {
        super(message);
        this.dataset = dataset;
        this.missing = List.copyOf(missing);
        this.searched = List.copyOf(searched);
    }

    public String dataset() {
        return dataset;
    }

    /** The file names not found, as the dataset calls them (without {@code .gz}). */
    public List<String> missing() {
        return missing;
    }

    /** Every folder searched, in order. */
    public List<Path> searched() {
        return searched;
    }
}
