package org.transferlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.gzip;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.images;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.labels;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.pixel;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.write;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.transferlab.plugins.datasets.files.MissingDataFilesException;
import org.transferlab.plugins.datasets.idx.IdxFormatException;

class MnistFamilyProviderTest {

    private static final NoOptions NONE = new NoOptions();
    private static final int[] TRAIN_LABELS = {3, 0, 9};
    private static final int[] TEST_LABELS = {7, 1};

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private DataContext context() {
        return new DataContext(root(), false);
    }

    /** Writes three train and two test images of 28×28 into {@code folder}, raw or gzipped. */
    private static void writeSmallSet(Path folder, boolean compressed) throws IOException {
        String suffix = compressed ? ".gz" : "";
        write(folder, "train-images-idx3-ubyte" + suffix, encode(images(3, 28, 28), compressed));
        write(folder, "train-labels-idx1-ubyte" + suffix, encode(labels(TRAIN_LABELS), compressed));
        write(folder, "t10k-images-idx3-ubyte" + suffix, encode(images(2, 28, 28), compressed));
        write(folder, "t10k-labels-idx1-ubyte" + suffix, encode(labels(TEST_LABELS), compressed));
    }

    private static byte[] encode(byte[] content, boolean compressed) {
        return compressed ? gzip(content) : content;
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
    void theServiceFileRegistersAllThreeNextToTheOtherDatasets() {
        Set<String> names = ServiceLoader.load(DatasetProvider.class).stream()
                .map(p -> p.get().name())
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("synthetic", "mnist", "fashion-mnist", "kmnist", "emnist", "qmnist",
                "svhn", "usps")), names.toString());
    }

    @Test
    void describeGivesClassNamesAndTheRealSplitSizesWithoutFiles() {
        DatasetInfo mnist = new MnistProvider().describe(NONE);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mnist.classNames());
        assertEquals(Map.of("train", 60_000, "test", 10_000), mnist.splitSizes());

        DatasetInfo fashion = new FashionMnistProvider().describe(NONE);
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), fashion.classNames());
        assertEquals(Map.of("train", 60_000, "test", 10_000), fashion.splitSizes());

        DatasetInfo kmnist = new KmnistProvider().describe(NONE);
        assertEquals(List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"), kmnist.classNames());
        assertEquals(Map.of("train", 60_000, "test", 10_000), kmnist.splitSizes());
    }

    @Test
    void namesAndOptionsFollowThePluginContract() {
        for (MnistFamilyProvider provider : List.of(new MnistProvider(), new FashionMnistProvider(), new KmnistProvider())) {
            assertTrue(provider.name().matches("[a-z][a-z0-9-]*"), provider.name());
            assertEquals(NoOptions.class, provider.optionsType());
            assertTrue(provider.description().contains("60,000"), provider.description());
        }
        assertEquals(List.of("mnist", "fashion-mnist", "kmnist"),
                List.of(new MnistProvider().name(), new FashionMnistProvider().name(), new KmnistProvider().name()));
    }

    @Test
    void fashionMnistAlsoSearchesDebiansFolderAndTheOthersNoSystemFolder() {
        assertEquals(List.of(Path.of("/usr/share/datasets/fashion-mnist")), FashionMnistProvider.FASHION_MNIST.systemFolders());
        assertEquals(List.of(), MnistProvider.MNIST.systemFolders());
        assertEquals(List.of(), KmnistProvider.KMNIST.systemFolders());
        assertEquals("FashionMNIST", FashionMnistProvider.FASHION_MNIST.torchvisionName());
        assertEquals("MNIST", MnistProvider.MNIST.torchvisionName());
        assertEquals("KMNIST", KmnistProvider.KMNIST.torchvisionName());
    }

    @Test
    void readsGzippedFilesFromThePlainFolder() throws IOException {
        writeSmallSet(root().resolve("mnist"), true);
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());
        ImageSet train = dataset.split("train");
        assertPixelsExact(train, 3);
        assertArrayEquals(TRAIN_LABELS, train.labels());
        ImageSet test = dataset.split("test");
        assertPixelsExact(test, 2);
        assertArrayEquals(TEST_LABELS, test.labels());
    }

    @Test
    void readsRawFilesFromTheTorchvisionLayout() throws IOException {
        writeSmallSet(root().resolve("KMNIST/raw"), false);
        Dataset dataset = new KmnistProvider(KmnistProvider.KMNIST.withSizes(3, 2)).open(NONE, context());
        assertPixelsExact(dataset.split("train"), 3);
        assertArrayEquals(TEST_LABELS, dataset.split("test").labels());
    }

    @Test
    void imagesKeepTheFileOrientation() throws IOException {
        // One lit pixel in the top-right corner of the first image: a transpose would move it to the bottom left.
        byte[] file = images(3, 28, 28);
        Arrays.fill(file, 16, file.length, (byte) 0);
        file[16 + 27] = (byte) 255;
        Path folder = root().resolve("mnist");
        writeSmallSet(folder, false);
        write(folder, "train-images-idx3-ubyte", file);
        ImageSet train = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context()).split("train");
        assertEquals(1f, train.pixel(0, 0, 27));
        assertEquals(0f, train.pixel(0, 27, 0));
        assertEquals(255, train.pixels()[27] & 0xff);
    }

    @Test
    void fashionMnistFallsBackToTheSystemFolder() throws IOException {
        Path system = tmp.resolve("usr-share-datasets-fashion-mnist");
        writeSmallSet(system, true);
        MnistFamily family = FashionMnistProvider.FASHION_MNIST.withSizes(3, 2).withSystemFolders(List.of(system));
        Dataset dataset = new FashionMnistProvider(family).open(NONE, context());
        assertPixelsExact(dataset.split("train"), 3);
        assertArrayEquals(TRAIN_LABELS, dataset.split("train").labels());
    }

    @Test
    void aSplitIsReadWhenFirstAskedForAndThenKept() throws IOException {
        Path folder = root().resolve("mnist");
        writeSmallSet(folder, false);
        write(folder, "t10k-images-idx3-ubyte", new byte[] {1, 2, 3});
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());

        ImageSet train = dataset.split("train");
        Files.delete(folder.resolve("train-images-idx3-ubyte"));
        assertSame(train, dataset.split("train"));
        assertThrows(IdxFormatException.class, () -> dataset.split("test"));
    }

    @Test
    void onlyTrainAndTestAreSplits() throws IOException {
        writeSmallSet(root().resolve("mnist"), false);
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.split("validation"));
        assertMessageContains(e, "mnist has splits train and test", "validation");
    }

    @Test
    void theRealProvidersInsistOnTheKnownSplitSizes() throws IOException {
        writeSmallSet(root().resolve("fashion-mnist"), false);
        MnistFamily family = FashionMnistProvider.FASHION_MNIST.withSystemFolders(List.of());
        Dataset dataset = new FashionMnistProvider(family).open(NONE, context());
        IdxFormatException train = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertMessageContains(train, "train-images-idx3-ubyte", "expected 60000 images in the train split of fashion-mnist, found 3");
        IdxFormatException test = assertThrows(IdxFormatException.class, () -> dataset.split("test"));
        assertMessageContains(test, "t10k-images-idx3-ubyte", "expected 10000 images in the test split of fashion-mnist, found 2");
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        Path folder = root().resolve("mnist");
        writeSmallSet(folder, false);
        write(folder, "train-images-idx3-ubyte", images(3, 32, 32));
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertEquals(folder.resolve("train-images-idx3-ubyte").toAbsolutePath(), e.file().toAbsolutePath());
        assertMessageContains(e, "expected 28 x 28 images for mnist, found 32 x 32");
    }

    @Test
    void labelsMustNameOneOfTheClasses() throws IOException {
        Path folder = root().resolve("mnist");
        writeSmallSet(folder, false);
        write(folder, "t10k-labels-idx1-ubyte", labels(4, 10));
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("test"));
        assertMessageContains(e, "t10k-labels-idx1-ubyte", "expected labels 0 to 9 for mnist, found 10 at index 1");
    }

    @Test
    void imagesAndLabelsOfASplitMustAgreeInNumber() throws IOException {
        Path folder = root().resolve("mnist");
        writeSmallSet(folder, true);
        write(folder, "train-labels-idx1-ubyte.gz", gzip(labels(1, 2)));
        Dataset dataset = new MnistProvider(MnistProvider.MNIST.withSizes(3, 2)).open(NONE, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertMessageContains(e, "train-labels-idx1-ubyte.gz", "expected 3 labels", "found 2");
    }

    @Test
    void openingWithoutTheFilesNamesEachMissingFileAndEveryFolderSearched() throws IOException {
        write(root().resolve("fashion-mnist"), "t10k-labels-idx1-ubyte.gz", gzip(labels(1, 2)));
        Path system = tmp.resolve("system-stand-in");
        MnistFamily family = FashionMnistProvider.FASHION_MNIST.withSystemFolders(List.of(system));
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> new FashionMnistProvider(family).open(NONE, context()));
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"), e.missing());
        assertEquals(List.of(root().resolve("FashionMNIST/raw"), root().resolve("fashion-mnist"), system), e.searched());
        assertMessageContains(e, "dataset fashion-mnist", "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte",
                root().resolve("FashionMNIST/raw").toString(), system.toString(), "copy or link");
    }

    @Test
    void filesAreTheGzipFilesWithTorchvisionsMirrorsAndMd5s() {
        List<String> names = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        Map<MnistFamilyProvider, List<String>> md5s = Map.of(
                new MnistProvider(), List.of("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                        "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
                new FashionMnistProvider(), List.of("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                        "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
                new KmnistProvider(), List.of("bdb82020997e1d708af4cf47b453dcf7", "e144d726b3acfaa3e44228e80efcd344",
                        "5c965bf0a639b31b8f53240b1b52f4d7", "7320c461ea6c1c855c0b718fb2a4b134"));
        for (Map.Entry<MnistFamilyProvider, List<String>> entry : md5s.entrySet()) {
            List<DataFile> files = entry.getKey().files(NONE);
            assertEquals(names, files.stream().map(DataFile::name).toList(), entry.getKey().name());
            assertEquals(entry.getValue(), files.stream().map(DataFile::md5).toList(), entry.getKey().name());
        }
        assertEquals(List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz"),
                URI.create("http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz")),
                new MnistProvider().files(NONE).get(0).mirrors());
        assertEquals(List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz")),
                new FashionMnistProvider().files(NONE).get(3).mirrors());
        assertEquals(List.of(URI.create("http://codh.rois.ac.jp/kmnist/dataset/kmnist/train-labels-idx1-ubyte.gz")),
                new KmnistProvider().files(NONE).get(1).mirrors());
    }

    @Test
    void statusFindsThePublishedGzipAndReportsARawCopyAsAnotherForm() throws IOException {
        Path folder = root().resolve("MNIST/raw");
        writeSmallSet(folder, true);
        Path raw = write(folder, "t10k-images-idx3-ubyte", images(2, 28, 28));
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));

        List<DataFileStatus> status = new MnistProvider().status(NONE, context());
        assertEquals(new MnistProvider().files(NONE), status.stream().map(DataFileStatus::file).toList());
        assertEquals(Optional.of(folder.resolve("train-images-idx3-ubyte.gz")), status.get(0).path());
        assertTrue(status.get(0).isPublishedForm());
        assertEquals(Optional.of(raw), status.get(2).path());
        assertFalse(status.get(2).isPublishedForm());
        assertEquals(Optional.empty(), status.get(3).path());
    }

    @Test
    void statusSearchesTheSystemFolderToo() throws IOException {
        Path system = tmp.resolve("usr-share-datasets-fashion-mnist");
        writeSmallSet(system, true);
        MnistFamily family = FashionMnistProvider.FASHION_MNIST.withSystemFolders(List.of(system));
        List<DataFileStatus> status = new FashionMnistProvider(family).status(NONE, context());
        assertTrue(status.stream().allMatch(DataFileStatus::isPublishedForm), status.toString());
        assertEquals(Optional.of(system.resolve("t10k-labels-idx1-ubyte.gz")), status.get(3).path());
    }
}
