package org.transferlab.plugins.datasets.qmnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.gzip;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.images;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.intMatrix;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.labels;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.pixel;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.write;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.xz;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.LocalHttpServer;
import org.transferlab.plugins.datasets.files.MissingDataFilesException;
import org.transferlab.plugins.datasets.idx.IdxFormatException;

class QmnistProviderTest {

    private static final NoOptions NONE = new NoOptions();
    private static final int[] TRAIN = {5, 0, 9};
    private static final int[] TEST = {7, 2};
    private static final int[] NIST = {3, 1, 4, 1};

    /** Three train, two test and four nist images, so that small files pass the size checks. */
    private final QmnistProvider provider = new QmnistProvider(3, 2, 4);

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private DataContext context() {
        return new DataContext(root(), false);
    }

    /**
     * QMNIST's label records: per image its class, HSF series, writer, index for the writer, NIST class code (0x30 +
     * digit), global index, duplicate flag and an unused zero; only the class is the label.
     */
    private static byte[] records(int columns, int... classes) {
        int[] values = new int[classes.length * columns];
        for (int i = 0; i < classes.length; i++) {
            int[] record = {classes[i], 4, 2100 + i, i, 0x30 + classes[i], 1000 + i, 0, 0};
            System.arraycopy(record, 0, values, i * columns, Math.min(columns, record.length));
        }
        return intMatrix(classes.length, columns, values);
    }

    private static void writeTrainAndTest(Path folder, boolean compressed) throws IOException {
        String suffix = compressed ? ".gz" : "";
        write(folder, "qmnist-train-images-idx3-ubyte" + suffix, gzipIf(compressed, images(TRAIN.length, 28, 28)));
        write(folder, "qmnist-train-labels-idx2-int" + suffix, gzipIf(compressed, records(8, TRAIN)));
        write(folder, "qmnist-test-images-idx3-ubyte" + suffix, gzipIf(compressed, images(TEST.length, 28, 28)));
        write(folder, "qmnist-test-labels-idx2-int" + suffix, gzipIf(compressed, records(8, TEST)));
    }

    private static byte[] gzipIf(boolean compressed, byte[] content) {
        return compressed ? gzip(content) : content;
    }

    private static void writeNistXz(Path folder) throws IOException {
        write(folder, "xnist-images-idx3-ubyte.xz", xz(images(NIST.length, 28, 28)));
        write(folder, "xnist-labels-idx2-int.xz", xz(records(8, NIST)));
    }

    private static void assertPixelsExact(ImageSet images, int count) {
        assertEquals(count, images.count());
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < ImageSet.SIDE; r++) {
                for (int c = 0; c < ImageSet.SIDE; c++) {
                    assertEquals(pixel(i, r, c) / 255f, images.pixel(i, r, c), "image " + i + " at " + r + "," + c);
                }
            }
        }
    }

    private static void assertMessageContains(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("rawtypes") // a class literal cannot carry DatasetProvider's type argument
    void theServiceFileRegistersQmnist() {
        assertTrue(ServiceLoader.load(DatasetProvider.class).stream().anyMatch(p -> p.get().name().equals("qmnist")));
        assertEquals(NoOptions.class, new QmnistProvider().optionsType());
    }

    @Test
    void describeGivesTenDigitsAndTheThreeSplitsWithoutFiles() {
        DatasetInfo info = new QmnistProvider().describe(NONE);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), info.classNames());
        assertEquals(Map.of("train", 60_000, "test", 60_000, "nist", 402_953), info.splitSizes());
    }

    @Test
    void readsThePublishedGzipFilesWithTheClassFromColumnZero() throws IOException {
        writeTrainAndTest(root().resolve("qmnist"), true);
        Dataset dataset = provider.open(NONE, context());
        ImageSet train = dataset.split("train");
        assertPixelsExact(train, 3);
        assertArrayEquals(TRAIN, train.labels());
        ImageSet test = dataset.split("test");
        assertPixelsExact(test, 2);
        assertArrayEquals(TEST, test.labels());
    }

    @Test
    void readsRawFilesInTorchvisionsLayout() throws IOException {
        writeTrainAndTest(root().resolve("QMNIST/raw"), false);
        Dataset dataset = provider.open(NONE, context());
        assertPixelsExact(dataset.split("train"), 3);
        assertArrayEquals(TEST, dataset.split("test").labels());
    }

    @Test
    void theNistFilesAreLookedForOnlyWhenTheNistSplitIsAskedFor() throws IOException {
        writeTrainAndTest(root().resolve("qmnist"), true);
        Dataset dataset = provider.open(NONE, context());
        assertArrayEquals(TRAIN, dataset.split("train").labels());

        MissingDataFilesException e = assertThrows(MissingDataFilesException.class, () -> dataset.split("nist"));
        assertEquals(List.of("xnist-images-idx3-ubyte", "xnist-labels-idx2-int"), e.missing());
        assertEquals(List.of(root().resolve("QMNIST/raw"), root().resolve("qmnist")), e.searched());
        assertMessageContains(e, "dataset qmnist", "<file>, <file>.gz and <file>.xz", root().resolve("qmnist").toString());

        writeNistXz(root().resolve("qmnist"));
        ImageSet nist = dataset.split("nist");
        assertPixelsExact(nist, 4);
        assertArrayEquals(NIST, nist.labels());
    }

    @Test
    void readsUncompressedNistFiles() throws IOException {
        Path folder = root().resolve("QMNIST/raw");
        writeTrainAndTest(folder, false);
        write(folder, "xnist-images-idx3-ubyte", images(NIST.length, 28, 28));
        write(folder, "xnist-labels-idx2-int", records(8, NIST));
        ImageSet nist = provider.open(NONE, context()).split("nist");
        assertPixelsExact(nist, 4);
        assertArrayEquals(NIST, nist.labels());
    }

    @Test
    void openingWithoutTheTrainOrTestFilesNamesEachMissingOne() throws IOException {
        Path folder = root().resolve("qmnist");
        write(folder, "qmnist-train-images-idx3-ubyte.gz", gzip(images(3, 28, 28)));
        write(folder, "qmnist-test-labels-idx2-int.gz", gzip(records(8, TEST)));
        writeNistXz(folder);
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class, () -> provider.open(NONE, context()));
        assertEquals(List.of("qmnist-train-labels-idx2-int", "qmnist-test-images-idx3-ubyte"), e.missing());
        assertMessageContains(e, "2 of 4 data files not found: qmnist-train-labels-idx2-int, qmnist-test-images-idx3-ubyte",
                root().resolve("QMNIST/raw").toString());
    }

    @Test
    void aLabelFileWithSevenColumnsIsRejectedNamingIt() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, true);
        Path labels = write(folder, "qmnist-test-labels-idx2-int.gz", gzip(records(7, TEST)));
        Dataset dataset = provider.open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("test"));
        assertEquals(labels, e.file());
        assertMessageContains(e, labels.toString(), "8 int32 values per image", "found 7 per image");
    }

    @Test
    void labelsThatAreNotAnInt32MatrixAreRejectedNamingTheFile() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, false);
        Path labels = write(folder, "qmnist-train-labels-idx2-int", labels(TRAIN));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(NONE, context()).split("train"));
        assertEquals(labels, e.file());
        assertMessageContains(e, "expected IDX magic number 0x00000C02 (int32 matrix");
    }

    @Test
    void classesOutsideZeroToNineAreRejected() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, true);
        write(folder, "qmnist-train-labels-idx2-int.gz", gzip(records(8, 1, -1, 2)));
        Dataset dataset = provider.open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertMessageContains(e, "qmnist-train-labels-idx2-int.gz", "expected classes 0 to 9", "found -1 at index 1");
    }

    @Test
    void aTruncatedGzipImagesFileIsRejectedNamingIt() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, true);
        byte[] full = gzip(images(3, 28, 28));
        Path images = write(folder, "qmnist-train-images-idx3-ubyte.gz", Arrays.copyOf(full, full.length - 20));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(NONE, context()).split("train"));
        assertEquals(images, e.file());
        assertMessageContains(e, "corrupt or truncated gzip data");
    }

    @Test
    void aCorruptXzFileIsRejectedNamingIt() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, true);
        writeNistXz(folder);
        byte[] full = xz(images(NIST.length, 28, 28));
        Path images = write(folder, "xnist-images-idx3-ubyte.xz", Arrays.copyOf(full, full.length - 30));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(NONE, context()).split("nist"));
        assertEquals(images, e.file());
        assertMessageContains(e, "corrupt or truncated xz data");
    }

    @Test
    void theRealSplitSizesAreRequired() throws IOException {
        writeTrainAndTest(root().resolve("qmnist"), true);
        Dataset dataset = new QmnistProvider().open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("test"));
        assertMessageContains(e, "qmnist-test-labels-idx2-int.gz", "expected 60000 x *", "the header declares 2 x 8");
    }

    @Test
    void imagesAndLabelsOfASplitMustAgreeInNumber() throws IOException {
        Path folder = root().resolve("qmnist");
        writeTrainAndTest(folder, true);
        write(folder, "qmnist-test-images-idx3-ubyte.gz", gzip(images(3, 28, 28)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(NONE, context()).split("test"));
        assertMessageContains(e, "qmnist-test-images-idx3-ubyte.gz", "expected 2 x 28 x 28", "declares 3 x 28 x 28");
    }

    @Test
    void onlyTrainTestAndNistAreSplits() throws IOException {
        writeTrainAndTest(root().resolve("qmnist"), true);
        Dataset dataset = provider.open(NONE, context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.split("test10k"));
        assertMessageContains(e, "qmnist has splits train, test and nist", "test10k");
    }

    @Test
    void filesAreTheSixPublishedFilesWithTorchvisionsMd5s() {
        String base = "https://raw.githubusercontent.com/facebookresearch/qmnist/master/";
        List<DataFile> files = provider.files(NONE);
        assertEquals(List.of("qmnist-train-images-idx3-ubyte.gz", "qmnist-train-labels-idx2-int.gz",
                "qmnist-test-images-idx3-ubyte.gz", "qmnist-test-labels-idx2-int.gz",
                "xnist-images-idx3-ubyte.xz", "xnist-labels-idx2-int.xz"), files.stream().map(DataFile::name).toList());
        assertEquals(List.of("ed72d4157d28c017586c42bc6afe6370", "0058f8dd561b90ffdd0f734c6a30e5e4",
                "1394631089c404de565df7b7aeaf9412", "5b5b05890a5e13444e108efe57b788aa",
                "7f124b3b8ab81486c9d8c2749c17f834", "5ed0e788978e45d4a8bd4b7caec3d79d"),
                files.stream().map(DataFile::md5).toList());
        for (DataFile file : files) {
            assertEquals(List.of(URI.create(base + file.name())), file.mirrors());
        }
    }

    @Test
    void statusFindsEachFileAndTellsThePublishedFormFromOthers() throws IOException {
        Path folder = root().resolve("QMNIST/raw");
        writeTrainAndTest(folder, true);
        Path rawLabels = write(folder, "qmnist-test-labels-idx2-int", records(8, TEST));
        Path nistImages = write(root().resolve("qmnist"), "xnist-images-idx3-ubyte.xz", xz(images(1, 28, 28)));

        List<DataFileStatus> status = provider.status(NONE, context());
        assertEquals(provider.files(NONE), status.stream().map(DataFileStatus::file).toList());
        assertEquals(Optional.of(folder.resolve("qmnist-train-images-idx3-ubyte.gz")), status.get(0).path());
        assertTrue(status.get(0).isPublishedForm());
        assertEquals(Optional.of(rawLabels), status.get(3).path(), "the raw file comes first, as open() reads it");
        assertFalse(status.get(3).isPublishedForm());
        assertEquals(Optional.of(nistImages), status.get(4).path());
        assertTrue(status.get(4).isPublishedForm());
        assertEquals(Optional.empty(), status.get(5).path());
    }

    @Test
    void withDownloadsOnTrainAndTestAreDownloadedOnOpenAndNistOnlyWhenAskedFor() throws Exception {
        Map<String, byte[]> published = new LinkedHashMap<>();
        published.put("qmnist-train-images-idx3-ubyte.gz", gzip(images(TRAIN.length, 28, 28)));
        published.put("qmnist-train-labels-idx2-int.gz", gzip(records(8, TRAIN)));
        published.put("qmnist-test-images-idx3-ubyte.gz", gzip(images(TEST.length, 28, 28)));
        published.put("qmnist-test-labels-idx2-int.gz", gzip(records(8, TEST)));
        published.put("xnist-images-idx3-ubyte.xz", xz(images(NIST.length, 28, 28)));
        published.put("xnist-labels-idx2-int.xz", xz(records(8, NIST)));
        try (LocalHttpServer server = new LocalHttpServer()) {
            List<DataFile> files = new ArrayList<>();
            for (Map.Entry<String, byte[]> file : published.entrySet()) {
                server.serve("/" + file.getKey(), file.getValue());
                String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file.getValue()));
                files.add(new DataFile(file.getKey(), List.of(server.uri("/" + file.getKey())), md5, null));
            }
            QmnistProvider served = new QmnistProvider(3, 2, 4, files);

            Dataset dataset = served.open(NONE, new DataContext(root(), true));
            assertEquals(4, server.requests().size(), "train and test: " + server.requests());
            assertEquals(3, dataset.split("train").count());

            assertEquals(4, dataset.split("nist").count());
            assertEquals(6, server.requests().size(), "then the nist files: " + server.requests());
            assertTrue(Files.isRegularFile(root().resolve("qmnist/xnist-images-idx3-ubyte.xz")));
        }
    }
}
