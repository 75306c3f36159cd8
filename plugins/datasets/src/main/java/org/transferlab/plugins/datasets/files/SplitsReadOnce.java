package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.ImageSet;

/**
 * A dataset whose splits are read from their files on first use and kept: a run asks for the same split many times
 * (every training task, every attack), and reading and checking a file again each time would dominate small tasks.
 */
public abstract class SplitsReadOnce implements Dataset {

    private final Map<String, ImageSet> read = new HashMap<>();

    @Override
    public final synchronized ImageSet split(String name) throws IOException {
        ImageSet images = read.get(name);
        if (images == null) {
            images = read(name);
            read.put(name, images);
        }
        return images;
    }

    /**
     * Reads split {@code name} from the files.
     *
     * @throws IllegalArgumentException naming the dataset's splits, when it has no split {@code name}
     */
    protected abstract ImageSet read(String name) throws IOException;
}
