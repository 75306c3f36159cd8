package org.transferlab.api.data;

import java.io.IOException;
import org.transferlab.api.Provider;

/** A dataset plugin: yields 1×28×28 grayscale images with labels, in named splits. */
public interface DatasetProvider<O extends Record> extends Provider<O> {

    /** Class names and split sizes, without loading any image; used to validate an experiment before it runs. */
    DatasetInfo describe(O options);

    /** Opens the dataset; images are loaded when a split is first asked for. */
    Dataset open(O options, DataContext context) throws IOException;
}
