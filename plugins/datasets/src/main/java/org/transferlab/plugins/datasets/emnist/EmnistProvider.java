package org.transferlab.plugins.datasets.emnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.plugins.datasets.files.DataFileLocator;
import org.transferlab.plugins.datasets.files.DatasetFiles;
import org.transferlab.plugins.datasets.files.MissingDataFilesException;

/**
 * {@code emnist}: Extended MNIST, handwritten letters and digits from NIST Special Database 19 in six splits (see
 * {@link EmnistSplit}). NIST publishes them as one archive, {@code gzip.zip}, of gzip-compressed IDX files
 * {@code gzip/emnist-<split>-{train,test}-{images-idx3,labels-idx1}-ubyte.gz}. A split's four files are read from
 * whichever form is found first, folder by folder in {@code <root>/EMNIST/raw/} (torchvision's layout, where
 * torchvision leaves the files extracted and uncompressed) and then {@code <root>/emnist/}: the four files themselves,
 * raw or {@code .gz}; the same in the {@code gzip/} folder that unzipping the archive creates; the archive, read in
 * place. Images are stored transposed; see {@link EmnistOptions#transpose}.
 */
public final class EmnistProvider implements DatasetProvider<EmnistOptions> {

    /** The archive as NIST publishes it; torchvision lists the second mirror and the same MD5. */
    static final DataFile ARCHIVE = new DataFile(
            EmnistSource.ARCHIVE,
            List.of(URI.create("https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip"),
                    URI.create("https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/gzip.zip")),
            "58c8d27c78d21e728a6bc7b3cc06412e",
            null);

    private static final DataFileLocator FOLDERS = DataFileLocator.torchvisionThenPlain("emnist", "EMNIST", List.of());

    /** Train and test sizes that every split has instead of its real ones, or null; lets tests use small files. */
    private final int[] sizes;
    private final DataFile archive;

    public EmnistProvider() {
        this.sizes = null;
        this.archive = ARCHIVE;
    }

    EmnistProvider(int train, int test) {
        this(train, test, ARCHIVE);
    }

    /** Small sizes and another published archive; lets tests serve it themselves. */
    EmnistProvider(int train, int test, DataFile archive) {
        this.sizes = new int[] {train, test};
        this.archive = archive;
    }

    @Override
    public String name() {
        return "emnist";
    }

    @Override
    public Class<EmnistOptions> optionsType() {
        return EmnistOptions.class;
    }

    @Override
    public String description() {
        return "EMNIST handwritten letters and digits, split byclass, bymerge, balanced (default: 47 classes,"
                + " 112,800 train / 18,800 test), letters, digits or mnist (IDX files in NIST's gzip.zip)";
    }

    @Override
    public DatasetInfo describe(EmnistOptions options) {
        EmnistSplit split = options.splitOrDefault();
        int train = sizes == null ? split.trainSize() : sizes[0];
        int test = sizes == null ? split.testSize() : sizes[1];
        return new DatasetInfo(split.classNames(), Map.of("train", train, "test", test));
    }

    @Override
    public Dataset open(EmnistOptions options, DataContext context) throws IOException {
        EmnistSplit split = options.splitOrDefault();
        List<Path> folders = FOLDERS.searchFolders(context.root());
        if (context.download() && EmnistSource.find(folders, split.files()).isEmpty()) {
            fetch(options, context);
        }
        EmnistSource source = EmnistSource.find(folders, split.files())
                .orElseThrow(() -> missing(split, context, folders));
        source.check();
        return new EmnistDataset(split, options.transposeOrDefault(), source, describe(options));
    }

    @Override
    public List<DataFile> files(EmnistOptions options) {
        return List.of(archive);
    }

    /** The archive where it is read from the archive; otherwise the folder of the split's files, an equivalent form. */
    @Override
    public List<DataFileStatus> status(EmnistOptions options, DataContext context) {
        Optional<Path> found = EmnistSource.find(FOLDERS.searchFolders(context.root()), options.splitOrDefault().files())
                .map(EmnistSource::location);
        return List.of(new DataFileStatus(archive, found));
    }

    /** Downloads NIST's archive unless the split's files are already there in some form. */
    @Override
    public void fetch(EmnistOptions options, DataContext context) throws IOException {
        if (status(options, context).get(0).path().isEmpty()) {
            new DatasetFiles(FOLDERS, List.of(archive)).fetch(context);
        }
    }

    private static MissingDataFilesException missing(EmnistSplit split, DataContext context, List<Path> folders) {
        StringBuilder message = new StringBuilder()
                .append("dataset emnist: the files of split ").append(split.spelling()).append(" not found: ")
                .append(String.join(", ", split.files())).append('\n')
                .append("searched for them (raw or .gz), for them in a gzip/ subfolder, and for NIST's archive ")
                .append(EmnistSource.ARCHIVE).append(" in:");
        for (Path folder : folders) {
            message.append("\n  ").append(folder);
        }
        Path plain = context.root().toAbsolutePath().normalize().resolve("emnist");
        message.append("\nto provide them, copy or link ").append(EmnistSource.ARCHIVE).append(" (")
                .append(ARCHIVE.mirrors().get(0)).append(") into ").append(plain)
                .append(", or point data.root in the YAML file or --data-root on the command line at a data")
                .append(" root that holds it, or let transferlab download it: run 'transferlab data fetch emnist', or")
                .append(" set download: true under data in the experiment file");
        return new MissingDataFilesException("emnist", split.files(), folders, message.toString());
    }
}
