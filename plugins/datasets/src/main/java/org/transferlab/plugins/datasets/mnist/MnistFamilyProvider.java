package org.transferlab.plugins.datasets.mnist;

import java.io.IOException;
import java.util.List;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;

/**
 * A dataset in MNIST's IDX files: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or with {@code .gz}, found in
 * {@code <root>/<TorchvisionName>/raw/}, {@code <root>/<name>/} or a system folder. All four files are located when the
 * dataset is opened, so a missing one is reported before any work starts (or, when the context allows downloads, is
 * downloaded from the publisher's mirrors and checked against its MD5); their contents are read split by split.
 */
public abstract class MnistFamilyProvider implements DatasetProvider<NoOptions> {

    private final MnistFamily family;

    MnistFamilyProvider(MnistFamily family) {
        this.family = family;
    }

    @Override
    public final String name() {
        return family.name();
    }

    @Override
    public final Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public final String description() {
        return family.description();
    }

    @Override
    public final DatasetInfo describe(NoOptions options) {
        return family.info();
    }

    @Override
    public final Dataset open(NoOptions options, DataContext context) throws IOException {
        return new MnistFamilyDataset(family, family.dataFiles().locate(context));
    }

    @Override
    public final List<DataFile> files(NoOptions options) {
        return family.files();
    }

    @Override
    public final List<DataFileStatus> status(NoOptions options, DataContext context) {
        return family.dataFiles().status(context);
    }

    @Override
    public final void fetch(NoOptions options, DataContext context) throws IOException {
        family.dataFiles().fetch(context);
    }
}
