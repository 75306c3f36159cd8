package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.ImageSet;

/** An opened dataset with one file per split; each split is read when first asked for, then kept. */
final class FilePerSplitDataset extends SplitsReadOnce {

    private final String name;
    private final DatasetInfo info;
    private final List<SplitFile> splits;
    private final DataFileLocator locator;
    private final DataContext context;
    private final SplitReader reader;
    private final Map<String, Path> located;

    FilePerSplitDataset(String name, DatasetInfo info, List<SplitFile> splits, DataFileLocator locator,
            DataContext context, SplitReader reader, Map<String, Path> located) {
        this.name = name;
        this.info = info;
        this.splits = splits;
        this.locator = locator;
        this.context = context;
        this.reader = reader;
        this.located = new HashMap<>(located);
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    protected ImageSet read(String splitName) throws IOException {
        SplitFile split = splits.stream()
                .filter(s -> s.split().equals(splitName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has splits "
                        + String.join(", ", splits.stream().map(SplitFile::split).toList())
                        + ", not '" + splitName + "'"));
        return reader.read(path(split), split.size());
    }

    private Path path(SplitFile split) throws IOException {
        String file = split.file().name();
        Path path = located.get(file);
        if (path == null) {
            path = new DatasetFiles(locator, List.of(split.file())).locate(context).get(file);
            located.put(file, path);
        }
        return path;
    }
}
