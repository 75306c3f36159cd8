package org.transferlab.plugins.datasets.files;

import java.util.Objects;
import org.transferlab.api.data.DataFile;

/**
 * One split of a dataset that keeps each split in one published file.
 *
 * @param split     the split's name, e.g. {@code train}
 * @param file      the published file that holds it
 * @param size      the number of images the file must hold
 * @param optional  whether the file is located only when the split is asked for, rather than when the dataset is
 *                  opened; for a large split that most experiments never use
 */
public record SplitFile(String split, DataFile file, int size, boolean optional) {

    public SplitFile {
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(file, "file is null");
        if (size < 0) {
            throw new IllegalArgumentException(split + ": size is negative: " + size);
        }
    }

    /** The same split with another size; lets tests use small files. */
    public SplitFile withSize(int newSize) {
        return new SplitFile(split, file, newSize, optional);
    }
}
