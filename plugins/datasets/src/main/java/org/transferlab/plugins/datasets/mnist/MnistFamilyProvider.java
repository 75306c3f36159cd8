package org.transferlab.plugins.datasets.mnist;

import java.io.IOException;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;

/**
 * A dataset in MNIST's IDX files: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or with {@code .gz}, found in
 * {@code <root>/<TorchvisionName>/raw/}, {@code <root>/<name>/} or a system folder. All four files are located when the
 * dataset is opened, so a missing one is reported before any work starts; their contents are read split by split.
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
        return new MnistFamilyDataset(family, family.locator().locate(context, MnistFamily.FILES));
    }
}
