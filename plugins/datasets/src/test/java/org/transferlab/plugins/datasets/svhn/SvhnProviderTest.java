package org.transferlab.plugins.datasets.svhn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.uniform;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.write;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.writeUncompressed;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.x;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.y;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.ySame;
import static org.transferlab.plugins.datasets.svhn.SvhnMatFiles.yUint8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.DataFileFormatException;
import org.transferlab.plugins.datasets.files.MissingDataFilesException;
import us.hebi.matlab.mat.format.Mat5;

class SvhnProviderTest {

    private static final NoOptions NONE = new NoOptions();

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private DataContext context() {
        return new DataContext(root(), false);
    }

    private Path folder() {
        return root().resolve("svhn");
    }

    private static SvhnProvider provider(int train, int test, int extra) {
        return new SvhnProvider(SvhnProvider.sized(train, test, extra));
    }

    /** Two gray images as train and one as test, so that a test of train files can open the dataset. */
    private void writeTrainAndTest(Path folder) throws IOException {
        write(folder.resolve("train_32x32.mat"), "X", x(2, uniform(gray(10), gray(20))), "y", y(1, 2));
        write(folder.resolve("test_32x32.mat"), "X", x(1, uniform(gray(30))), "y", y(3));
    }

    private static int[] gray(int value) {
        return new int[] {value, value, value};
    }

    private static void assertUniform(ImageSet images, int index, int expected) {
        for (int p = 0; p < ImageSet.PIXELS; p++) {
            assertEquals(expected, images.pixels()[index * ImageSet.PIXELS + p] & 0xff, "image " + index + " pixel " + p);
        }
    }

    private static int pixel(ImageSet images, int index, int row, int column) {
        return images.pixels()[index * ImageSet.PIXELS + row * ImageSet.SIDE + column] & 0xff;
    }

    private DataFileFormatException trainError(SvhnProvider provider) throws IOException {
        Dataset dataset = provider.open(NONE, context());
        return assertThrows(DataFileFormatException.class, () -> dataset.split("train"));
    }

    @Test
    void describeGivesTheDigitsAndTheThreeSplitSizesWithoutFiles() {
        var info = new SvhnProvider().describe(NONE);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), info.classNames());
        assertEquals(Map.of("train", 73_257, "test", 26_032, "extra", 531_131), info.splitSizes());
        assertEquals("svhn", new SvhnProvider().name());
        assertEquals(NoOptions.class, new SvhnProvider().optionsType());
    }

    @Test
    void filesAreThePublishedMatFilesWithTorchvisionsChecksums() {
        assertEquals(List.of(
                new DataFile("train_32x32.mat", List.of(URI.create("http://ufldl.stanford.edu/housenumbers/train_32x32.mat")),
                        "e26dedcc434d2e4c54c9b2d4a06d8373", null),
                new DataFile("test_32x32.mat", List.of(URI.create("http://ufldl.stanford.edu/housenumbers/test_32x32.mat")),
                        "eb5a983be6a315427106f1b164d9cef3", null),
                new DataFile("extra_32x32.mat", List.of(URI.create("http://ufldl.stanford.edu/housenumbers/extra_32x32.mat")),
                        "a93ce644f1a588dc4d68dda5feec44a7", null)),
                new SvhnProvider().files(NONE));
    }

    @Test
    void statusSaysWhereEachFileIsFoundInTheTorchvisionOrThePlainFolder() throws IOException {
        Path train = Files.createDirectories(root().resolve("SVHN")).resolve("train_32x32.mat");
        Files.write(train, new byte[] {1});
        Path test = Files.createDirectories(folder()).resolve("test_32x32.mat.gz");
        Files.write(test, new byte[] {1});
        List<DataFileStatus> status = new SvhnProvider().status(NONE, context());
        assertEquals(List.of(Optional.of(train.toAbsolutePath()), Optional.of(test.toAbsolutePath()), Optional.empty()),
                status.stream().map(DataFileStatus::path).toList());
        assertTrue(status.get(0).isPublishedForm());
        assertEquals("extra_32x32.mat", status.get(2).file().name());
    }

    @Test
    void pixelsAreTheRoundedLumaOfTheirColour() throws IOException {
        // 0.299·255 = 76.2, 0.587·255 = 149.7, 0.114·255 = 29.1, 0.114·250 = 28.5 (half up),
        // 0.299·200 + 0.587·100 + 0.114·50 = 124.2.
        int[][] colours = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {0, 0, 250}, {200, 100, 50}};
        write(folder().resolve("train_32x32.mat"), "X", x(5, uniform(colours)), "y", ySame(5, 1));
        write(folder().resolve("test_32x32.mat"), "X", x(1, uniform(gray(0))), "y", y(1));
        ImageSet train = provider(5, 1, 0).open(NONE, context()).split("train");
        int[] expected = {76, 150, 29, 29, 124};
        for (int i = 0; i < expected.length; i++) {
            assertUniform(train, i, expected[i]);
        }
    }

    @Test
    void columnMajorXComesOutUprightAndEightPixelBlocksShrinkToSevenExactly() throws IOException {
        // Each 8 × 8 block of the source has its own gray, 10 + 60·(block row) + 15·(block column); area averaging
        // maps it onto a 7 × 7 block of that gray. A transposed read would swap the block row and column.
        write(folder().resolve("train_32x32.mat"), "X", x(1, (n, r, c, k) -> 10 + 60 * (r / 8) + 15 * (c / 8)),
                "y", y(4));
        write(folder().resolve("test_32x32.mat"), "X", x(1, uniform(gray(0))), "y", y(1));
        ImageSet train = provider(1, 1, 0).open(NONE, context()).split("train");
        for (int r = 0; r < ImageSet.SIDE; r++) {
            for (int c = 0; c < ImageSet.SIDE; c++) {
                assertEquals(10 + 60 * (r / 7) + 15 * (c / 7), pixel(train, 0, r, c), "at " + r + "," + c);
            }
        }
    }

    @Test
    void theChannelsOfEachImageAreItsOwn() throws IOException {
        // Image n is lit in channel n only; a layout that mixed the channel and image axes would mix the images.
        write(folder().resolve("train_32x32.mat"), "X", x(3, (n, r, c, k) -> k == n ? 255 : 0), "y", ySame(3, 1));
        write(folder().resolve("test_32x32.mat"), "X", x(1, uniform(gray(0))), "y", y(1));
        ImageSet train = provider(3, 1, 0).open(NONE, context()).split("train");
        assertUniform(train, 0, 76);
        assertUniform(train, 1, 150);
        assertUniform(train, 2, 29);
    }

    @Test
    void label10IsTheDigitZeroAndOtherLabelsAreTheirDigit() throws IOException {
        write(folder().resolve("train_32x32.mat"), "X", x(4, uniform(gray(1), gray(2), gray(3), gray(4))),
                "y", y(10, 1, 9, 5));
        write(folder().resolve("test_32x32.mat"), "X", x(2, uniform(gray(5), gray(6))), "y", yUint8(10, 3));
        Dataset dataset = provider(4, 2, 0).open(NONE, context());
        assertArrayEquals(new int[] {0, 1, 9, 5}, dataset.split("train").labels());
        assertArrayEquals(new int[] {0, 3}, dataset.split("test").labels());
    }

    @Test
    void readsUncompressedAndGzippedFilesFromTheTorchvisionFolder() throws IOException {
        Path folder = root().resolve("SVHN");
        writeUncompressed(folder.resolve("train_32x32.mat"), "X", x(2, uniform(gray(7), gray(8))), "y", y(7, 8));
        Path plain = write(tmp.resolve("test_32x32.mat"), "X", x(1, uniform(gray(9))), "y", y(9));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(Files.readAllBytes(plain));
        }
        Files.write(folder.resolve("test_32x32.mat.gz"), gzipped.toByteArray());
        Dataset dataset = provider(2, 1, 0).open(NONE, context());
        ImageSet train = dataset.split("train");
        assertUniform(train, 0, 7);
        assertUniform(train, 1, 8);
        assertUniform(dataset.split("test"), 0, 9);
    }

    @Test
    void aFileOfOneImageMayHaveThreeDimensions() throws IOException {
        write(folder().resolve("train_32x32.mat"), "X", x(new int[] {32, 32, 3}, uniform(gray(99))), "y", y(2));
        write(folder().resolve("test_32x32.mat"), "X", x(1, uniform(gray(0))), "y", y(1));
        ImageSet train = provider(1, 1, 0).open(NONE, context()).split("train");
        assertUniform(train, 0, 99);
        assertArrayEquals(new int[] {2}, train.labels());
    }

    @Test
    void aSplitIsReadOnceAndKept() throws IOException {
        writeTrainAndTest(folder());
        Dataset dataset = provider(2, 1, 0).open(NONE, context());
        assertSame(dataset.split("train"), dataset.split("train"));
    }

    @Test
    void openReportsMissingTrainAndTestFilesAndWhereItLooked() {
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> new SvhnProvider().open(NONE, context()));
        assertEquals(List.of("train_32x32.mat", "test_32x32.mat"), e.missing());
        Path base = root().toAbsolutePath().normalize();
        assertEquals(List.of(base.resolve("SVHN"), base.resolve("svhn")), e.searched());
        assertTrue(e.getMessage().startsWith(
                "dataset svhn: 2 of 2 data files not found: train_32x32.mat, test_32x32.mat\n"), e.getMessage());
    }

    @Test
    void theExtraFileIsLookedForOnlyWhenItsSplitIsAskedFor() throws IOException {
        writeTrainAndTest(folder());
        Dataset dataset = provider(2, 1, 2).open(NONE, context());
        assertEquals(2, dataset.split("train").count());
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class, () -> dataset.split("extra"));
        assertEquals(List.of("extra_32x32.mat"), e.missing());
        assertTrue(e.getMessage().startsWith("dataset svhn: 1 of 1 data files not found: extra_32x32.mat\n"),
                e.getMessage());

        write(folder().resolve("extra_32x32.mat"), "X", x(2, uniform(gray(40), gray(50))), "y", y(10, 10));
        ImageSet extra = dataset.split("extra");
        assertUniform(extra, 1, 50);
        assertArrayEquals(new int[] {0, 0}, extra.labels());
    }

    @Test
    void anUnknownSplitIsRejected() throws IOException {
        writeTrainAndTest(folder());
        Dataset dataset = provider(2, 1, 0).open(NONE, context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataset.split("validation"));
        assertEquals("svhn has splits train, test, extra, not 'validation'", e.getMessage());
    }

    @Test
    void aTruncatedFileIsAClearErrorNamingIt() throws IOException {
        for (boolean compressed : new boolean[] {true, false}) {
            writeTrainAndTest(folder());
            Path train = folder().resolve("train_32x32.mat");
            Object[] content = {"X", x(2, (n, r, c, k) -> (r * c + n) % 256), "y", y(1, 2)};
            if (compressed) {
                write(train, content);
            } else {
                writeUncompressed(train, content);
            }
            byte[] bytes = Files.readAllBytes(train);
            Files.write(train, Arrays.copyOf(bytes, bytes.length / 2));
            DataFileFormatException e = trainError(provider(2, 1, 0));
            assertEquals(train + ": not a readable MAT v5 file: the file ends early; it may be truncated",
                    e.getMessage());
            assertEquals(train, e.file());
        }
    }

    @Test
    void aFileCutAnywhereIsAnErrorNamingItNeverAShortRead() throws IOException {
        writeTrainAndTest(folder());
        Path train = write(folder().resolve("train_32x32.mat"), "X", x(2, (n, r, c, k) -> (r * c + n) % 256), "y", y(1, 2));
        byte[] bytes = Files.readAllBytes(train);
        for (int length = 0; length < bytes.length; length += 1 + length / 16) {
            Files.write(train, Arrays.copyOf(bytes, length));
            DataFileFormatException e = trainError(provider(2, 1, 0));
            assertEquals(train, e.file(), "cut at " + length);
            assertTrue(e.getMessage().startsWith(train + ": "), e.getMessage());
        }
    }

    @Test
    void aFileWithoutXIsAClearError() throws IOException {
        writeTrainAndTest(folder());
        Path train = write(folder().resolve("train_32x32.mat"), "images", x(2, uniform(gray(1), gray(2))), "y", y(1, 2));
        assertEquals(train + ": has no variable X; an SVHN file holds X (the images) and y (the labels)",
                trainError(provider(2, 1, 0)).getMessage());
    }

    @Test
    void xOfOtherDimensionsOrTypeIsAClearError() throws IOException {
        writeTrainAndTest(folder());
        Path train = write(folder().resolve("train_32x32.mat"), "X", x(new int[] {28, 28, 3, 2}, uniform(gray(1), gray(2))),
                "y", y(1, 2));
        assertEquals(train + ": X must be a 32 x 32 x 3 x N uint8 array (rows, columns, RGB, images), found"
                + " 28 x 28 x 3 x 2 uint8", trainError(provider(2, 1, 0)).getMessage());

        write(train, "X", Mat5.newMatrix(new int[] {32, 32, 3, 2}), "y", y(1, 2));
        assertEquals(train + ": X must be a 32 x 32 x 3 x N uint8 array (rows, columns, RGB, images), found"
                + " 32 x 32 x 3 x 2 double", trainError(provider(2, 1, 0)).getMessage());
    }

    @Test
    void aFileWithOtherThanTheExpectedNumberOfImagesIsAClearError() throws IOException {
        writeTrainAndTest(folder());
        Path train = folder().resolve("train_32x32.mat");
        assertEquals(train + ": expected 3 images, found 2", trainError(provider(3, 1, 0)).getMessage());
    }

    @Test
    void labelsOutsideOneToTenOrOfTheWrongCountAreClearErrors() throws IOException {
        writeTrainAndTest(folder());
        Path train = folder().resolve("train_32x32.mat");
        write(train, "X", x(2, uniform(gray(1), gray(2))), "y", y(3, 0));
        assertEquals(train + ": label 0 of image 2 in y is not an integer from 1 to 10 (10 stands for the digit 0)",
                trainError(provider(2, 1, 0)).getMessage());
        write(train, "X", x(2, uniform(gray(1), gray(2))), "y", y(2.5, 1));
        assertEquals(train + ": label 2.5 of image 1 in y is not an integer from 1 to 10 (10 stands for the digit 0)",
                trainError(provider(2, 1, 0)).getMessage());
        write(train, "X", x(2, uniform(gray(1), gray(2))), "y", y(1, 2, 3));
        assertEquals(train + ": y must hold one label for each of the 2 images (2 x 1), found 3 x 1 double",
                trainError(provider(2, 1, 0)).getMessage());
    }

    @Test
    void aFileThatIsNoMatFileIsAClearError() throws IOException {
        writeTrainAndTest(folder());
        Path train = folder().resolve("train_32x32.mat");
        Files.writeString(train, "<html>404 Not Found</html>".repeat(10));
        assertEquals(train + ": not a readable MAT v5 file: The input is not a valid MATLAB 5.0 MAT-file.",
                trainError(provider(2, 1, 0)).getMessage());
    }

    @Test
    void aVariableLargerThanTheSplitCouldHoldIsRefusedBeforeItIsRead() throws IOException {
        writeTrainAndTest(folder());
        Path train = write(folder().resolve("train_32x32.mat"), "X", x(400, uniform(new int[400][3])),
                "y", ySame(400, 1));
        assertEquals(train + ": not a readable MAT v5 file: a variable declares 1228800 bytes, more than X of 2 images"
                + " can hold (1048576 bytes)", trainError(provider(2, 1, 0)).getMessage());
    }
}
