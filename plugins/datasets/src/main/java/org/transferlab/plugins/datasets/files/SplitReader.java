package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import org.transferlab.api.data.ImageSet;

/** Reads every image of one split from its file, as 28×28 uint8 images. */
@FunctionalInterface
public interface SplitReader {

    /**
     * @throws DataFileFormatException when the file is not in the expected format or does not hold exactly
     *                                 {@code expectedCount} images
     */
    ImageSet read(Path file, int expectedCount) throws IOException;
}
