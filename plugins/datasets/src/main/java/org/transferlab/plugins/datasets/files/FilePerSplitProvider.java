package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;

/**
 * A dataset that keeps each split in one published file. Opening it locates the files of every split that is not
 * {@linkplain SplitFile#optional() optional}, so a missing one is reported before any work starts; an optional split's
 * file is located when the split is first asked for. Files are read split by split.
 */
public abstract class FilePerSplitProvider implements DatasetProvider<NoOptions> {

    private final String name;
    private final String description;
    private final List<String> classNames;
    private final DataFileLocator locator;
    private final List<SplitFile> splits;
    private final SplitReader reader;

    protected FilePerSplitProvider(String name, String description, List<String> classNames, DataFileLocator locator,
            List<SplitFile> splits, SplitReader reader) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.classNames = List.copyOf(classNames);
        this.locator = Objects.requireNonNull(locator, "locator is null");
        this.splits = List.copyOf(splits);
        this.reader = Objects.requireNonNull(reader, "reader is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final DatasetInfo describe(NoOptions options) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (SplitFile split : splits) {
            sizes.put(split.split(), split.size());
        }
        return new DatasetInfo(classNames, sizes);
    }

    @Override
    public final List<DataFile> files(NoOptions options) {
        return splits.stream().map(SplitFile::file).toList();
    }

    @Override
    public final List<DataFileStatus> status(NoOptions options, DataContext context) {
        return new DatasetFiles(locator, files(options)).status(context);
    }

    /** Downloads every missing split file, optional ones included: the user asked for the dataset's files. */
    @Override
    public final void fetch(NoOptions options, DataContext context) throws IOException {
        new DatasetFiles(locator, files(options)).fetch(context);
    }

    /**
     * Locates the files of the splits that are not optional, downloading them when the context allows; an optional
     * split's file is located (or downloaded) only when that split is asked for.
     */
    @Override
    public final Dataset open(NoOptions options, DataContext context) throws IOException {
        List<DataFile> required = splits.stream().filter(split -> !split.optional()).map(SplitFile::file).toList();
        Map<String, Path> located = new DatasetFiles(locator, required).locate(context);
        return new FilePerSplitDataset(name, describe(options), splits, locator, context, reader, located);
    }
}
