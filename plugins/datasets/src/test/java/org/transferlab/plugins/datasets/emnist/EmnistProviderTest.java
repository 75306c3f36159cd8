package org.transferlab.plugins.datasets.emnist;

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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class EmnistProviderTest {

    private static final EmnistOptions BALANCED = new EmnistOptions(EmnistSplit.BALANCED, null);
    private static final int[] BALANCED_TRAIN = {46, 0, 36};
    private static final int[] BALANCED_TEST = {10, 45};
    private static final int[] LETTERS_TRAIN = {1, 26, 13};
    private static final int[] LETTERS_TEST = {2, 25};

    /** Three train and two test images in every split, so that small files pass the size checks. */
    private final EmnistProvider provider = new EmnistProvider(3, 2);

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private DataContext context() {
        return new DataContext(root(), false);
    }

    /** The four files of a split, gzip-compressed as in NIST's archive, by entry name {@code gzip/<file>.gz}. */
    private static Map<String, byte[]> splitEntries(EmnistSplit split, int[] train, int[] test) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("gzip/" + split.imagesFile("train") + ".gz", gzip(images(train.length, 28, 28)));
        entries.put("gzip/" + split.labelsFile("train") + ".gz", gzip(labels(train)));
        entries.put("gzip/" + split.imagesFile("test") + ".gz", gzip(images(test.length, 28, 28)));
        entries.put("gzip/" + split.labelsFile("test") + ".gz", gzip(labels(test)));
        return entries;
    }

    /** The archive's layout: a gzip/ folder of .gz IDX files, with the mapping text files beside them. */
    private static Map<String, byte[]> officialLayout() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("gzip/emnist-balanced-mapping.txt", "0 48\n1 49\n".getBytes(StandardCharsets.US_ASCII));
        entries.putAll(splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST));
        entries.putAll(splitEntries(EmnistSplit.LETTERS, LETTERS_TRAIN, LETTERS_TEST));
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("gzip/"));
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Path writeArchive(Path folder, Map<String, byte[]> entries) throws IOException {
        return write(folder, "gzip.zip", zip(entries));
    }

    /** Writes each entry as a loose file in {@code folder}, as unzipping then (when {@code gunzip}) gunzipping does. */
    private static void writeLoose(Path folder, Map<String, byte[]> entries, boolean gunzip) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey().substring("gzip/".length());
            if (gunzip) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(entry.getValue()))) {
                    write(folder, name.substring(0, name.length() - ".gz".length()), in.readAllBytes());
                }
            } else {
                write(folder, name, entry.getValue());
            }
        }
    }

    /** Every pixel of the output is the stored pixel at the transposed position. */
    private static void assertTransposed(ImageSet images, int count) {
        assertEquals(count, images.count());
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < ImageSet.SIDE; r++) {
                for (int c = 0; c < ImageSet.SIDE; c++) {
                    assertEquals(pixel(i, c, r) / 255f, images.pixel(i, r, c), "image " + i + " at " + r + "," + c);
                }
            }
        }
    }

    private static void assertAsStored(ImageSet images, int count) {
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

    private static List<String> characters(String characters) {
        return characters.chars().mapToObj(Character::toString).toList();
    }

    @Test
    @SuppressWarnings("rawtypes") // a class literal cannot carry DatasetProvider's type argument
    void theServiceFileRegistersEmnist() {
        assertTrue(ServiceLoader.load(DatasetProvider.class).stream().anyMatch(p -> p.get().name().equals("emnist")));
        assertEquals(EmnistOptions.class, new EmnistProvider().optionsType());
    }

    @Test
    void describeGivesEverySplitsSizesAndClassCountWithoutFiles() {
        EmnistProvider real = new EmnistProvider();
        Map<EmnistSplit, List<Integer>> expected = new LinkedHashMap<>();
        expected.put(EmnistSplit.BYCLASS, List.of(697_932, 116_323, 62));
        expected.put(EmnistSplit.BYMERGE, List.of(697_932, 116_323, 47));
        expected.put(EmnistSplit.BALANCED, List.of(112_800, 18_800, 47));
        expected.put(EmnistSplit.LETTERS, List.of(124_800, 20_800, 27));
        expected.put(EmnistSplit.DIGITS, List.of(240_000, 40_000, 10));
        expected.put(EmnistSplit.MNIST, List.of(60_000, 10_000, 10));
        assertEquals(List.of(EmnistSplit.values()), List.copyOf(expected.keySet()));
        for (Map.Entry<EmnistSplit, List<Integer>> entry : expected.entrySet()) {
            DatasetInfo info = real.describe(new EmnistOptions(entry.getKey(), null));
            List<Integer> sizes = entry.getValue();
            assertEquals(Map.of("train", sizes.get(0), "test", sizes.get(1)), info.splitSizes(), entry.getKey().spelling());
            assertEquals(sizes.get(2), info.numClasses(), entry.getKey().spelling());
        }
    }

    @Test
    void classesAreDigitsThenUpperCaseThenLowerCaseLetters() {
        EmnistProvider real = new EmnistProvider();
        assertEquals(characters("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
                real.describe(new EmnistOptions(EmnistSplit.BYCLASS, null)).classNames());
        List<String> merged = characters("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabdefghnqrt");
        assertEquals(merged, real.describe(new EmnistOptions(EmnistSplit.BYMERGE, null)).classNames());
        assertEquals(merged, real.describe(BALANCED).classNames());
        assertEquals(characters("0123456789"), real.describe(new EmnistOptions(EmnistSplit.DIGITS, null)).classNames());
        assertEquals(characters("0123456789"), real.describe(new EmnistOptions(EmnistSplit.MNIST, null)).classNames());
    }

    @Test
    void lettersHaveClassZeroNotApplicableThenTheTwentySixLetters() {
        List<String> names = new EmnistProvider().describe(new EmnistOptions(EmnistSplit.LETTERS, null)).classNames();
        assertEquals(27, names.size());
        assertEquals("N/A", names.get(0));
        assertEquals(characters("abcdefghijklmnopqrstuvwxyz"), names.subList(1, 27));
    }

    @Test
    void theDefaultsAreTheBalancedSplitTurnedTheRightWayRound() {
        EmnistOptions defaults = new EmnistOptions(null, null);
        assertEquals(EmnistSplit.BALANCED, defaults.splitOrDefault());
        assertTrue(defaults.transposeOrDefault());
        assertFalse(new EmnistOptions(null, false).transposeOrDefault());
        assertEquals(new EmnistProvider().describe(BALANCED), new EmnistProvider().describe(defaults));
    }

    @Test
    void splitsAreSpeltInLowerCaseAsInEmnistsFileNames() {
        assertEquals(List.of("byclass", "bymerge", "balanced", "letters", "digits", "mnist"),
                Arrays.stream(EmnistSplit.values()).map(EmnistSplit::spelling).toList());
        assertEquals(List.of("emnist-digits-train-images-idx3-ubyte", "emnist-digits-train-labels-idx1-ubyte",
                "emnist-digits-test-images-idx3-ubyte", "emnist-digits-test-labels-idx1-ubyte"),
                EmnistSplit.DIGITS.files());
    }

    @Test
    void readsTheOfficialArchiveInPlaceWithoutExtractingIt() throws IOException {
        Path folder = root().resolve("emnist");
        writeArchive(folder, officialLayout());
        Dataset dataset = provider.open(BALANCED, context());
        ImageSet train = dataset.split("train");
        assertTransposed(train, 3);
        assertArrayEquals(BALANCED_TRAIN, train.labels());
        ImageSet test = dataset.split("test");
        assertTransposed(test, 2);
        assertArrayEquals(BALANCED_TEST, test.labels());
        try (Stream<Path> files = Files.walk(root())) {
            assertEquals(List.of(folder.resolve("gzip.zip")), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void transposeTurnsEachStoredImageTheRightWayRound() throws IOException {
        // One lit pixel stored at row 2, column 20 of the second image: it belongs at row 20, column 2.
        byte[] stored = images(3, 28, 28);
        Arrays.fill(stored, 16, stored.length, (byte) 0);
        stored[16 + 784 + 2 * 28 + 20] = (byte) 200;
        Map<String, byte[]> entries = officialLayout();
        entries.put("gzip/emnist-balanced-train-images-idx3-ubyte.gz", gzip(stored));
        writeArchive(root().resolve("emnist"), entries);

        ImageSet turned = provider.open(BALANCED, context()).split("train");
        assertEquals(200, turned.pixels()[784 + 20 * 28 + 2] & 0xff);
        assertEquals(200 / 255f, turned.pixel(1, 20, 2));
        assertEquals(0f, turned.pixel(1, 2, 20));

        ImageSet asStored = provider.open(new EmnistOptions(EmnistSplit.BALANCED, false), context()).split("train");
        assertEquals(200 / 255f, asStored.pixel(1, 2, 20));
        assertEquals(0f, asStored.pixel(1, 20, 2));
    }

    @Test
    void withoutTransposeThePixelsKeepTheStoredOrientation() throws IOException {
        writeArchive(root().resolve("emnist"), officialLayout());
        Dataset dataset = provider.open(new EmnistOptions(EmnistSplit.BALANCED, false), context());
        assertAsStored(dataset.split("train"), 3);
        assertAsStored(dataset.split("test"), 2);
    }

    @Test
    void transposeEachSwapsRowsAndColumnsOfEveryImage() {
        byte[] pixels = new byte[2 * ImageSet.PIXELS];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (p * 7);
        }
        byte[] original = pixels.clone();
        EmnistDataset.transposeEach(pixels);
        for (int i = 0; i < 2; i++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    assertEquals(original[i * 784 + c * 28 + r], pixels[i * 784 + r * 28 + c]);
                }
            }
        }
        EmnistDataset.transposeEach(pixels);
        assertArrayEquals(original, pixels);
    }

    @Test
    void lettersKeepTheirStoredLabelsOneToTwentySix() throws IOException {
        writeArchive(root().resolve("EMNIST/raw"), officialLayout());
        EmnistOptions letters = new EmnistOptions(EmnistSplit.LETTERS, null);
        Dataset dataset = provider.open(letters, context());
        assertArrayEquals(LETTERS_TRAIN, dataset.split("train").labels());
        assertArrayEquals(LETTERS_TEST, dataset.split("test").labels());
        assertEquals("z", dataset.info().classNames().get(26));
        assertEquals(27, dataset.info().numClasses());
    }

    @Test
    void readsTheArchivesExtractedGzipFolder() throws IOException {
        writeLoose(root().resolve("emnist/gzip"), splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST), false);
        Dataset dataset = provider.open(BALANCED, context());
        assertTransposed(dataset.split("train"), 3);
        assertArrayEquals(BALANCED_TEST, dataset.split("test").labels());
    }

    @Test
    void readsTorchvisionsUncompressedFiles() throws IOException {
        writeLoose(root().resolve("EMNIST/raw"), splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST), true);
        assertTrue(Files.isRegularFile(root().resolve("EMNIST/raw/emnist-balanced-train-images-idx3-ubyte")));
        Dataset dataset = provider.open(BALANCED, context());
        assertTransposed(dataset.split("train"), 3);
        assertArrayEquals(BALANCED_TRAIN, dataset.split("train").labels());
    }

    @Test
    void looseFilesAreReadBeforeTheArchiveInTheSameFolder() throws IOException {
        Path folder = root().resolve("EMNIST/raw");
        writeLoose(folder, splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST), true);
        write(folder, "gzip.zip", new byte[] {1, 2, 3});
        assertArrayEquals(BALANCED_TRAIN, provider.open(BALANCED, context()).split("train").labels());
    }

    @Test
    void theTorchvisionFolderIsSearchedBeforeThePlainOne() throws IOException {
        writeArchive(root().resolve("EMNIST/raw"), officialLayout());
        write(root().resolve("emnist"), "gzip.zip", new byte[] {1, 2, 3});
        assertArrayEquals(BALANCED_TEST, provider.open(BALANCED, context()).split("test").labels());
    }

    @Test
    void aSplitIsReadWhenFirstAskedForAndThenKept() throws IOException {
        Path archive = writeArchive(root().resolve("emnist"), officialLayout());
        Dataset dataset = provider.open(BALANCED, context());
        ImageSet train = dataset.split("train");
        Files.delete(archive);
        assertSame(train, dataset.split("train"));
        assertThrows(IOException.class, () -> dataset.split("test"));
    }

    @Test
    void onlyTrainAndTestAreSplits() throws IOException {
        writeArchive(root().resolve("emnist"), officialLayout());
        Dataset dataset = provider.open(BALANCED, context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.split("validation"));
        assertMessageContains(e, "emnist has splits train and test", "validation");
    }

    @Test
    void filesIsNistsArchiveWithItsMirrorsAndMd5() {
        for (EmnistSplit split : EmnistSplit.values()) {
            List<DataFile> files = provider.files(new EmnistOptions(split, null));
            assertEquals(1, files.size());
            DataFile archive = files.get(0);
            assertEquals("gzip.zip", archive.name());
            assertEquals(URI.create("https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip"), archive.mirrors().get(0));
            assertTrue(archive.mirrors().stream().allMatch(uri -> uri.toString().endsWith("/EMNIST/gzip.zip")));
            assertEquals("58c8d27c78d21e728a6bc7b3cc06412e", archive.md5());
        }
    }

    @Test
    void statusReportsTheArchiveAsThePublishedFile() throws IOException {
        Path archive = writeArchive(root().resolve("emnist"), officialLayout());
        List<DataFileStatus> status = provider.status(BALANCED, context());
        assertEquals(1, status.size());
        assertEquals(Optional.of(archive), status.get(0).path());
        assertTrue(status.get(0).isPublishedForm());
    }

    @Test
    void statusReportsTheFolderOfLooseFilesAsAnotherForm() throws IOException {
        Path folder = root().resolve("EMNIST/raw");
        writeLoose(folder, splitEntries(EmnistSplit.DIGITS, new int[] {1}, new int[] {2}), true);
        DataFileStatus status = provider.status(new EmnistOptions(EmnistSplit.DIGITS, null), context()).get(0);
        assertEquals(Optional.of(folder), status.path());
        assertFalse(status.isPublishedForm());
        assertEquals(Optional.empty(), provider.status(BALANCED, context()).get(0).path(), "another split's files");
    }

    @Test
    void statusFindsNothingWithoutFiles() {
        DataFileStatus status = provider.status(BALANCED, context()).get(0);
        assertEquals(Optional.empty(), status.path());
        assertEquals("gzip.zip", status.file().name());
    }

    @Test
    void openingWithoutTheFilesNamesThemEveryFolderSearchedAndTheArchive() throws IOException {
        // Three of the four files are not enough.
        Map<String, byte[]> entries = splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST);
        entries.remove("gzip/emnist-balanced-test-labels-idx1-ubyte.gz");
        writeLoose(root().resolve("emnist"), entries, false);

        MissingDataFilesException e = assertThrows(MissingDataFilesException.class, () -> provider.open(BALANCED, context()));
        assertEquals("emnist", e.dataset());
        assertEquals(EmnistSplit.BALANCED.files(), e.missing());
        assertEquals(List.of(root().resolve("EMNIST/raw"), root().resolve("emnist")), e.searched());
        assertMessageContains(e, "dataset emnist", "split balanced", "emnist-balanced-test-labels-idx1-ubyte",
                root().resolve("EMNIST/raw").toString(), "gzip/ subfolder", "gzip.zip",
                "https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip", root().resolve("emnist").toString());
    }

    @Test
    void aFileThatIsNotAZipArchiveIsRejectedNamingIt() throws IOException {
        Path archive = write(root().resolve("emnist"), "gzip.zip", gzip(images(3, 28, 28)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(BALANCED, context()));
        assertEquals(archive, e.file());
        assertMessageContains(e, archive.toString(), "not a readable zip archive");
    }

    @Test
    void anArchiveWithoutTheSplitsEntriesIsRejectedWhenOpenedNamingTheEntry() throws IOException {
        Path archive = writeArchive(root().resolve("emnist"), officialLayout());
        EmnistOptions digits = new EmnistOptions(EmnistSplit.DIGITS, null);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> provider.open(digits, context()));
        assertEquals(archive, e.file());
        assertMessageContains(e, archive.toString(), "has no entry gzip/emnist-digits-train-images-idx3-ubyte.gz");
    }

    @Test
    void aTruncatedGzipEntryIsRejectedNamingTheArchiveAndTheEntry() throws IOException {
        Map<String, byte[]> entries = officialLayout();
        String name = "gzip/emnist-balanced-train-images-idx3-ubyte.gz";
        entries.put(name, Arrays.copyOf(entries.get(name), entries.get(name).length / 2));
        Path archive = writeArchive(root().resolve("emnist"), entries);
        Dataset dataset = provider.open(BALANCED, context());

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertEquals(Path.of(archive + "!", name), e.file());
        assertMessageContains(e, archive + "!/" + name, "corrupt or truncated gzip data");
        assertArrayEquals(BALANCED_TEST, dataset.split("test").labels(), "the other split is unaffected");
    }

    @Test
    void entriesOutsideTheGzipFolderAreFoundByName() throws IOException {
        Map<String, byte[]> flat = splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().substring("gzip/".length()), Map.Entry::getValue));
        writeArchive(root().resolve("emnist"), flat);
        assertArrayEquals(BALANCED_TRAIN, provider.open(BALANCED, context()).split("train").labels());
    }

    @Test
    void labelsBeyondTheSplitsClassesAreRejected() throws IOException {
        Map<String, byte[]> entries = splitEntries(EmnistSplit.DIGITS, new int[] {9, 10, 0}, new int[] {1, 2});
        writeArchive(root().resolve("emnist"), entries);
        Dataset dataset = provider.open(new EmnistOptions(EmnistSplit.DIGITS, null), context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("train"));
        assertMessageContains(e, "gzip.zip!/gzip/emnist-digits-train-labels-idx1-ubyte.gz",
                "expected labels 0 to 9 for the digits split of emnist, found 10 at index 1");
    }

    @Test
    void theRealSplitSizesAreRequiredBeforeAnyPixelIsRead() throws IOException {
        writeLoose(root().resolve("emnist"), splitEntries(EmnistSplit.BALANCED, BALANCED_TRAIN, BALANCED_TEST), false);
        Dataset dataset = new EmnistProvider().open(BALANCED, context());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> dataset.split("test"));
        assertEquals(root().resolve("emnist/emnist-balanced-test-labels-idx1-ubyte.gz").toAbsolutePath(),
                e.file().toAbsolutePath());
        assertMessageContains(e, "expected 18800", "the header declares 2");
    }

    @Test
    void imagesOfAnotherSizeAreRejected() throws IOException {
        Map<String, byte[]> entries = officialLayout();
        entries.put("gzip/emnist-balanced-test-images-idx3-ubyte.gz", gzip(images(2, 32, 32)));
        writeArchive(root().resolve("emnist"), entries);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> provider.open(BALANCED, context()).split("test"));
        assertMessageContains(e, "emnist-balanced-test-images-idx3-ubyte.gz", "expected 2 x 28 x 28",
                "the header declares 2 x 32 x 32");
    }

    @Test
    void withDownloadsOnAMissingArchiveIsDownloadedCheckedAndRead() throws Exception {
        byte[] archive = zip(officialLayout());
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.serve("/gzip.zip", archive);
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
            EmnistProvider served = new EmnistProvider(3, 2,
                    new DataFile("gzip.zip", List.of(server.uri("/gzip.zip")), md5, null));

            Dataset dataset = served.open(BALANCED, new DataContext(root(), true));

            assertTrue(Files.isRegularFile(root().resolve("emnist/gzip.zip")));
            assertEquals(3, dataset.split("train").count());
            served.fetch(BALANCED, context());
            assertEquals(1, server.requests().size(), "a present archive is not downloaded again");
        }
    }
}
