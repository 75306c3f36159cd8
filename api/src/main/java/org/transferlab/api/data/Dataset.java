package org.transferlab.api.data;

import java.io.IOException;

/** An opened dataset. */
public interface Dataset {

    DatasetInfo info();

    /**
     * The images of one split, in the dataset's own order.
     *
     * @throws IllegalArgumentException for a split that {@link #info()} does not list
     */
    ImageSet split(String name) throws IOException;
}
