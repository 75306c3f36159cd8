package org.transferlab.plugins.datasets.usps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
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

class UspsProviderTest {

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
        return root().resolve("usps");
    }

    private static UspsProvider provider(int train, int test) {
        return new UspsProvider(UspsProvider.sized(train, test));
    }

    /** A libsvm line with every one of the 256 values given. */
    private static String line(int label, double[] values) {
        return label + IntStream.range(0, values.length)
                .mapToObj(i -> " " + (i + 1) + ":" + values[i])
                .collect(Collectors.joining());
    }

    private static double[] uniform(double value) {
        double[] values = new double[256];
        Arrays.fill(values, value);
        return values;
    }

    private static byte[] bzip2(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bzip2(String.join("\n", lines) + "\n"));
    }

    private void writeTest() throws IOException {
        Path test = folder().resolve("usps.t.bz2");
        if (!Files.exists(test)) {
            write(test, line(1, uniform(-1)));
        }
    }

    private static void assertUniform(ImageSet images, int index, int expected) {
        for (int p = 0; p < ImageSet.PIXELS; p++) {
            assertEquals(expected, images.pixels()[index * ImageSet.PIXELS + p] & 0xff, "image " + index + " pixel " + p);
        }
    }

    private DataFileFormatException trainError(int expectedCount) throws IOException {
        writeTest();
        Dataset dataset = provider(expectedCount, 1).open(NONE, context());
        return assertThrows(DataFileFormatException.class, () -> dataset.split("train"));
    }

    private String lineError(String badLine) throws IOException {
        Path train = write(folder().resolve("usps.bz2"), line(3, uniform(0)), badLine);
        DataFileFormatException e = trainError(2);
        assertEquals(train, e.file());
        return e.getMessage().substring(train.toString().length());
    }

    @Test
    void describeGivesTheDigitsAndBothSplitSizesWithoutFiles() {
        var info = new UspsProvider().describe(NONE);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), info.classNames());
        assertEquals(Map.of("train", 7_291, "test", 2_007), info.splitSizes());
        assertEquals("usps", new UspsProvider().name());
        assertEquals(NoOptions.class, new UspsProvider().optionsType());
    }

    @Test
    void filesAreLibsvmsBzip2FilesWithTorchvisionsChecksums() {
        String base = "https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass/";
        assertEquals(List.of(
                new DataFile("usps.bz2", List.of(URI.create(base + "usps.bz2")), "ec16c51db3855ca6c91edd34d0e9b197", null),
                new DataFile("usps.t.bz2", List.of(URI.create(base + "usps.t.bz2")), "8ea070ee2aca1ac39742fdd1ef5ed118",
                        null)),
                new UspsProvider().files(NONE));
    }

    @Test
    void statusSaysWhereEachFileIsFoundInTheTorchvisionOrThePlainFolder() throws IOException {
        Path train = write(root().resolve("USPS/usps.bz2"), line(1, uniform(0)));
        List<DataFileStatus> status = new UspsProvider().status(NONE, context());
        assertEquals(List.of(Optional.of(train.toAbsolutePath()), Optional.empty()),
                status.stream().map(DataFileStatus::path).toList());
        assertTrue(status.get(0).isPublishedForm());
    }

    @Test
    void labelsOneToTenAreTheDigitsZeroToNine() throws IOException {
        String[] lines = IntStream.rangeClosed(1, 10).mapToObj(label -> line(label, uniform(0))).toArray(String[]::new);
        write(folder().resolve("usps.bz2"), lines);
        writeTest();
        ImageSet train = provider(10, 1).open(NONE, context()).split("train");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, train.labels());
        assertArrayEquals(new int[] {0}, provider(10, 1).open(NONE, context()).split("test").labels());
    }

    @Test
    void valuesFromMinusOneToOneArePixelsRoundedHalfUp() throws IOException {
        // (v + 1)/2·255: -1 → 0, 1 → 255, 0 → 127.5 → 128, 0.5 → 191.25 → 191, -0.9 → 12.75 → 13.
        write(folder().resolve("usps.bz2"), line(1, uniform(-1)), line(2, uniform(1)), line(3, uniform(0)),
                line(4, uniform(0.5)), line(5, uniform(-0.9)));
        writeTest();
        ImageSet train = provider(5, 1).open(NONE, context()).split("train");
        int[] expected = {0, 255, 128, 191, 13};
        for (int i = 0; i < expected.length; i++) {
            assertUniform(train, i, expected[i]);
        }
    }

    @Test
    void aMissingIndexMeansTheValueZeroAsInLibsvm() throws IOException {
        write(folder().resolve("usps.bz2"), "7", "8 1:-1 256:1");
        writeTest();
        ImageSet train = provider(2, 1).open(NONE, context()).split("train");
        assertUniform(train, 0, 128);
        assertEquals(0, train.pixels()[ImageSet.PIXELS] & 0xff); // the top-left pixel alone stays black
        assertEquals(255, train.pixels()[2 * ImageSet.PIXELS - 1] & 0xff); // and the bottom-right white
        assertEquals(128, train.pixels()[ImageSet.PIXELS + ImageSet.SIDE * 14 + 14] & 0xff);
    }

    @Test
    void rowsStayRowsAndAreEnlargedBilinearly() throws IOException {
        // Source row 0 white, the rest black: target rows sample source rows at (8j - 3)/14, so row 0 is white,
        // row 1 is 9/14 white (163.9), row 2 1/14 (18.2), row 3 on black. A transposed read would make columns vary.
        double[] topRow = uniform(-1);
        Arrays.fill(topRow, 0, 16, 1);
        write(folder().resolve("usps.bz2"), line(1, topRow));
        writeTest();
        ImageSet train = provider(1, 1).open(NONE, context()).split("train");
        int[] expectedRows = {255, 164, 18, 0};
        for (int r = 0; r < ImageSet.SIDE; r++) {
            int expected = r < expectedRows.length ? expectedRows[r] : 0;
            for (int c = 0; c < ImageSet.SIDE; c++) {
                assertEquals(expected, train.pixels()[r * ImageSet.SIDE + c] & 0xff, "at " + r + "," + c);
            }
        }
    }

    @Test
    void blankLinesAndWindowsLineEndsAreAccepted() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("usps.bz2"), bzip2(line(2, uniform(1)) + "\r\n\r\n" + line(3, uniform(-1)) + "\r\n"));
        writeTest();
        ImageSet train = provider(2, 1).open(NONE, context()).split("train");
        assertArrayEquals(new int[] {1, 2}, train.labels());
        assertUniform(train, 0, 255);
    }

    @Test
    void openReportsMissingFilesAndWhereItLooked() {
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> new UspsProvider().open(NONE, context()));
        assertEquals(List.of("usps.bz2", "usps.t.bz2"), e.missing());
        Path base = root().toAbsolutePath().normalize();
        assertEquals(List.of(base.resolve("USPS"), base.resolve("usps")), e.searched());
        assertTrue(e.getMessage().startsWith("dataset usps: 2 of 2 data files not found: usps.bz2, usps.t.bz2\n"),
                e.getMessage());
    }

    @Test
    void aTruncatedBzip2FileIsAClearErrorNamingIt() throws IOException {
        String[] lines = IntStream.range(0, 20).mapToObj(i -> line(1 + i % 10, uniform(i / 20.0))).toArray(String[]::new);
        Path train = write(folder().resolve("usps.bz2"), lines);
        byte[] bytes = Files.readAllBytes(train);
        Files.write(train, Arrays.copyOf(bytes, bytes.length / 2));
        DataFileFormatException e = trainError(20);
        assertEquals(train + ": not readable as bzip2-compressed text: Unexpected end of stream", e.getMessage());
    }

    @Test
    void aBzip2FileCutAnywhereIsAnErrorNamingItNeverAShortRead() throws IOException {
        String[] lines = IntStream.range(0, 3).mapToObj(i -> line(1 + i, uniform(i / 3.0 - 0.5))).toArray(String[]::new);
        Path train = write(folder().resolve("usps.bz2"), lines);
        byte[] bytes = Files.readAllBytes(train);
        for (int length = 0; length < bytes.length; length += 1 + length / 16) {
            Files.write(train, Arrays.copyOf(bytes, length));
            DataFileFormatException e = trainError(3);
            assertEquals(train, e.file(), "cut at " + length);
        }
    }

    @Test
    void aFileThatIsNotBzip2IsAClearError() throws IOException {
        Files.createDirectories(folder());
        Path train = Files.writeString(folder().resolve("usps.bz2"), line(1, uniform(0)) + "\n");
        assertEquals(train + ": not readable as bzip2-compressed text: Stream is not in the BZip2 format",
                trainError(1).getMessage());
    }

    @Test
    void badIndicesAreClearErrorsNamingTheLine() throws IOException {
        assertEquals(": line 2: index 257 in '257:0.5' is not from 1 to 256", lineError("4 1:0 257:0.5"));
        assertEquals(": line 2: index 0 in '0:0.5' is not from 1 to 256", lineError("4 0:0.5"));
        assertEquals(": line 2: index 3 in '3:0' does not follow index 5; indices must ascend", lineError("4 5:0 3:0"));
        assertEquals(": line 2: index 5 in '5:0' does not follow index 5; indices must ascend", lineError("4 5:0 5:0"));
        assertEquals(": line 2: index in 'x:0.5' is not an integer", lineError("4 x:0.5"));
        assertEquals(": line 2: '0.5' is not index:value", lineError("4 0.5"));
    }

    @Test
    void badValuesAndLabelsAreClearErrorsNamingTheLine() throws IOException {
        assertEquals(": line 2: value in '7:1.5' is not in [-1, 1]", lineError("4 7:1.5"));
        assertEquals(": line 2: value in '7:NaN' is not in [-1, 1]", lineError("4 7:NaN"));
        assertEquals(": line 2: value in '7:dark' is not a number", lineError("4 7:dark"));
        assertEquals(": line 2: label '0' is not an integer from 1 to 10", lineError("0 1:0"));
        assertEquals(": line 2: label '11' is not an integer from 1 to 10", lineError("11 1:0"));
        assertEquals(": line 2: label '1:0' is not an integer from 1 to 10", lineError("1:0 2:0"));
    }

    @Test
    void moreOrFewerImagesThanExpectedAreClearErrors() throws IOException {
        Path train = write(folder().resolve("usps.bz2"), line(1, uniform(0)), line(2, uniform(0)));
        assertEquals(train + ": expected 3 images, found 2", trainError(3).getMessage());
        write(train, line(1, uniform(0)), line(2, uniform(0)), line(3, uniform(0)));
        assertEquals(train + ": line 3: more than the expected 2 images", trainError(2).getMessage());
    }
}
