package org.transferlab.plugins.datasets.qmnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.plugins.datasets.files.DataFileLocator;
import org.transferlab.plugins.datasets.files.DatasetFiles;

/**
 * {@code qmnist}: Yadav and Bottou's reconstruction of MNIST from NIST Special Database 19, in three splits:
 * {@code train}, the 60,000 MNIST training images; {@code test}, 60,000 test images, of which the first 10,000 match
 * MNIST's test set and the rest are the 50,000 test images MNIST left out; {@code nist}, all 402,953 digits of the NIST
 * database. Each label file holds 8 int32 values per image, the class first (see {@link QmnistDataset}).
 *
 * <p>The files are found in {@code <root>/QMNIST/raw/} (torchvision's layout) or {@code <root>/qmnist/}, each raw or
 * compressed: train and test as published, gzip-compressed, and nist as published, xz-compressed (a {@code .gz} of
 * either is read too). Opening the dataset locates the train and test files; the nist files are looked for only when
 * the nist split is asked for. The published files and their MD5s are those torchvision lists.
 */
public final class QmnistProvider implements DatasetProvider<NoOptions> {

    static final String TRAIN_IMAGES = "qmnist-train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "qmnist-train-labels-idx2-int";
    static final String TEST_IMAGES = "qmnist-test-images-idx3-ubyte";
    static final String TEST_LABELS = "qmnist-test-labels-idx2-int";
    static final String NIST_IMAGES = "xnist-images-idx3-ubyte";
    static final String NIST_LABELS = "xnist-labels-idx2-int";

    private static final URI MIRROR = URI.create("https://raw.githubusercontent.com/facebookresearch/qmnist/master/");

    /** Each file as this plugin names it, then as published. */
    private static final List<String> FILES =
            List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, NIST_IMAGES, NIST_LABELS);
    private static final List<DataFile> PUBLISHED = List.of(
            published(TRAIN_IMAGES + ".gz", "ed72d4157d28c017586c42bc6afe6370"),
            published(TRAIN_LABELS + ".gz", "0058f8dd561b90ffdd0f734c6a30e5e4"),
            published(TEST_IMAGES + ".gz", "1394631089c404de565df7b7aeaf9412"),
            published(TEST_LABELS + ".gz", "5b5b05890a5e13444e108efe57b788aa"),
            published(NIST_IMAGES + ".xz", "7f124b3b8ab81486c9d8c2749c17f834"),
            published(NIST_LABELS + ".xz", "5ed0e788978e45d4a8bd4b7caec3d79d"));

    static final DataFileLocator LOCATOR = DataFileLocator.torchvisionThenPlain("qmnist", "QMNIST", List.of())
            .withSuffixes(List.of("", ".gz", ".xz"));

    private final Map<String, Integer> sizes;
    private final List<DataFile> published;

    public QmnistProvider() {
        this(60_000, 60_000, 402_953);
    }

    /** Other split sizes; lets tests use small files. */
    QmnistProvider(int train, int test, int nist) {
        this(train, test, nist, PUBLISHED);
    }

    /** Other split sizes and other published files (in the order of {@link #FILES}); lets tests serve them. */
    QmnistProvider(int train, int test, int nist, List<DataFile> published) {
        this.sizes = Map.of("train", train, "test", test, "nist", nist);
        this.published = List.copyOf(published);
    }

    @Override
    public String name() {
        return "qmnist";
    }

    @Override
    public Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public String description() {
        return "QMNIST digits 0-9 with extended labels, 60,000 train / 60,000 test, and nist: 402,953 (IDX files)";
    }

    @Override
    public DatasetInfo describe(NoOptions options) {
        return new DatasetInfo(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), sizes);
    }

    @Override
    public Dataset open(NoOptions options, DataContext context) throws IOException {
        if (context.download()) {
            downloadMissing(context, List.of(0, 1, 2, 3));
        }
        Map<String, Path> found =
                LOCATOR.locate(context, List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS));
        return new QmnistDataset(describe(options), found, context, this);
    }

    @Override
    public List<DataFile> files(NoOptions options) {
        return published;
    }

    @Override
    public List<DataFileStatus> status(NoOptions options, DataContext context) {
        List<DataFileStatus> status = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            status.add(new DataFileStatus(published.get(i), LOCATOR.find(context.root(), FILES.get(i))));
        }
        return status;
    }

    /** Downloads every published file, whichever form of it the data root lacks. */
    @Override
    public void fetch(NoOptions options, DataContext context) throws IOException {
        downloadMissing(context, List.of(0, 1, 2, 3, 4, 5));
    }

    /**
     * Downloads the files at {@code indices} of {@link #FILES} that are found in no form (raw, .gz or .xz), so that a
     * decompressed copy is never downloaded again.
     */
    void downloadMissing(DataContext context, List<Integer> indices) throws IOException {
        List<DataFile> missing = new ArrayList<>();
        for (int index : indices) {
            if (LOCATOR.find(context.root(), FILES.get(index)).isEmpty()) {
                missing.add(published.get(index));
            }
        }
        if (!missing.isEmpty()) {
            new DatasetFiles(LOCATOR, missing).fetch(context);
        }
    }

    private static DataFile published(String name, String md5) {
        return new DataFile(name, List.of(MIRROR.resolve(name)), md5, null);
    }
}
