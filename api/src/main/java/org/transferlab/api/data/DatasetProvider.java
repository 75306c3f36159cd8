package org.transferlab.api.data;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.transferlab.api.Provider;

/** A dataset plugin: yields 1×28×28 grayscale images with labels, in named splits. */
public interface DatasetProvider<O extends Record> extends Provider<O> {

    /** Class names and split sizes, without loading any image; used to validate an experiment before it runs. */
    DatasetInfo describe(O options);

    /** Opens the dataset; images are loaded when a split is first asked for. */
    Dataset open(O options, DataContext context) throws IOException;

    /** The published files this dataset reads; empty for a dataset that needs no files. */
    default List<DataFile> files(O options) {
        return List.of();
    }

    /** Where each of {@link #files} is found under the context's data root or a system folder, if anywhere. */
    default List<DataFileStatus> status(O options, DataContext context) {
        return files(options).stream().map(file -> new DataFileStatus(file, Optional.empty())).toList();
    }

    /**
     * Downloads every file of {@link #files} that {@link #status} does not find, checking each checksum, into the
     * context's data root; the context's {@code download} flag does not apply, since the user asked for this.
     *
     * @throws IOException when a file cannot be downloaded or fails its checksum
     */
    default void fetch(O options, DataContext context) throws IOException {
        if (status(options, context).stream().anyMatch(status -> status.path().isEmpty())) {
            throw new IOException(name() + " cannot download its files");
        }
    }
}
