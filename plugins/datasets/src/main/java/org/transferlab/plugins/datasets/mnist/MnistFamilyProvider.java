package org.transferlab.plugins.datasets.mnist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.plugins.datasets.files.DataFileLocator;

/**
 * A dataset in MNIST's IDX files: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or with {@code .gz}, found in
 * {@code <root>/<TorchvisionName>/raw/}, {@code <root>/<name>/} or a system folder. All four files are located when the
 * dataset is opened, so a missing one is reported before any work starts; their contents are read split by split.
 *
 * <p>The published files are the {@code .gz} ones, with the mirrors and MD5s that torchvision lists; a raw copy is
 * reported by {@link #status} as found, though not in the published form.
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
    public final List<DataFile> files(NoOptions options) {
        return family.files();
    }

    @Override
    public final List<DataFileStatus> status(NoOptions options, DataContext context) {
        DataFileLocator locator = family.locator();
        List<DataFile> files = family.files();
        List<DataFileStatus> status = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            status.add(new DataFileStatus(files.get(i), locator.find(context.root(), MnistFamily.FILES.get(i))));
        }
        return status;
    }

    @Override
    public final Dataset open(NoOptions options, DataContext context) throws IOException {
        return new MnistFamilyDataset(family, family.locator().locate(context, MnistFamily.FILES));
    }
}
