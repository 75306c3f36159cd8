package org.transferlab.plugins.datasets.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.concat;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.gzip;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.header;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.images;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.intMatrix;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.labels;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.pixel;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.write;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.xz;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static UnaryOperator<byte[]> encoding(boolean compressed) {
        return compressed ? IdxTestFiles::gzip : bytes -> bytes;
    }

    private static void assertMessage(IdxFormatException e, Path file, String... parts) {
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsEveryPixelInRowMajorOrder(boolean compressed) throws IOException {
        Path file = write(dir, "images", encoding(compressed).apply(images(3, 4, 5)));
        IdxImages read = IdxReader.readImages(file);
        assertEquals(3, read.count());
        assertEquals(4, read.rows());
        assertEquals(5, read.columns());
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    assertEquals(pixel(i, r, c), read.pixel(i, r, c), "image " + i + " at " + r + "," + c);
                    assertEquals((byte) pixel(i, r, c), read.pixels()[i * 20 + r * 5 + c]);
                }
            }
        }
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotByTheFileName() throws IOException {
        Path gzippedWithoutSuffix = write(dir, "train-images-idx3-ubyte", gzip(images(2, 3, 3)));
        Path rawWithGzSuffix = write(dir, "other-images.gz", images(2, 3, 3));
        assertArrayEquals(IdxReader.readImages(gzippedWithoutSuffix).pixels(), IdxReader.readImages(rawWithGzSuffix).pixels());
    }

    @Test
    void labelsAreUnsignedBytes() throws IOException {
        Path file = write(dir, "labels.gz", gzip(labels(0, 9, 128, 255)));
        assertArrayEquals(new int[] {0, 9, 128, 255}, IdxReader.readLabels(file));
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void int32MatricesAreSignedAndBigEndian(boolean compressed) throws IOException {
        int[] values = {7, 0x01020304, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -2, 3, 0};
        Path file = write(dir, "records", encoding(compressed).apply(IdxTestFiles.intMatrix(2, 4, values)));
        IdxIntMatrix matrix = IdxReader.readIntMatrix(file);
        assertEquals(2, matrix.rows());
        assertEquals(4, matrix.columns());
        assertArrayEquals(values, matrix.values());
        assertEquals(0x01020304, matrix.get(0, 1));
        assertEquals(Integer.MIN_VALUE, matrix.get(0, 3));
        assertEquals(-2, matrix.get(1, 1));
        assertArrayEquals(new int[] {7, Integer.MAX_VALUE}, matrix.column(0));
    }

    @Test
    void theInt32ByteOrderIsBigEndianOnDisk() throws IOException {
        byte[] bytes = concat(header(0x00000C02, 1, 1), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 0x0C});
        assertEquals(-500, IdxReader.readIntMatrix(write(dir, "one", bytes)).get(0, 0));
    }

    @Test
    void labelledImagesPairEachImageWithItsLabel() throws IOException {
        Path images = write(dir, "images", images(3, 2, 2));
        Path labels = write(dir, "labels", labels(4, 1, 7));
        IdxLabelledImages read = IdxReader.readLabelledImages(images, labels);
        assertArrayEquals(new int[] {4, 1, 7}, read.labels());
        assertEquals(3, read.images().count());
    }

    @Test
    void labelsReadAsImagesIsAWrongMagicNumber() throws IOException {
        Path file = write(dir, "labels-not-images", labels(1, 2, 3));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "expected IDX magic number 0x00000803", "found 0x00000801", "1 dimension");
    }

    @Test
    void aFileThatIsNotIdxAtAllIsAWrongMagicNumber() throws IOException {
        Path file = write(dir, "notes.txt", "hello, world".getBytes(StandardCharsets.US_ASCII));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "0x00000801", "found 0x68656C6C", "not an IDX header");
    }

    @Test
    void anUnsupportedElementTypeIsNamed() throws IOException {
        Path file = write(dir, "floats", concat(header(0x00000D03, 1, 1, 1), new byte[4]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "unsigned-byte images", "found 0x00000D03 (float32, 3 dimensions)");

        Path unknown = write(dir, "unknown", concat(header(0x00000703, 1, 1, 1), new byte[1]));
        e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(unknown));
        assertMessage(e, unknown, "unknown type 0x07");
    }

    @Test
    void bytesAreNotReadAsInt32() throws IOException {
        Path file = write(dir, "labels", labels(1, 2, 3, 4, 5, 6, 7, 8));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readIntMatrix(file));
        assertMessage(e, file, "expected IDX magic number 0x00000C02 (int32 matrix", "found 0x00000801 (unsigned byte");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void aFileShorterThanTheMagicNumberIsRejected(boolean compressed) throws IOException {
        Path file = write(dir, "tiny", encoding(compressed).apply(new byte[] {0, 0}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "expected a 4-byte magic number", "has 2 bytes");
    }

    @Test
    void aHeaderCutShortInItsDimensionsIsRejected() throws IOException {
        Path file = write(dir, "cut", Arrays.copyOf(images(1, 2, 2), 10));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "truncated header", "expected 3 dimension sizes (12 bytes)", "found 6 bytes");
    }

    @Test
    void aDimensionBeyondInt32IsRejected() throws IOException {
        Path file = write(dir, "negative", header(0x00000801, -1));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "dimension 0 is 4294967295", "expected at most 2147483647");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void headerSizesThatCannotFitInMemoryAreRejectedBeforeReading(boolean compressed) throws IOException {
        Path file = write(dir, "huge", encoding(compressed).apply(concat(header(0x00000803, 100_000, 100_000, 1000), new byte[8])));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "100000 x 100000 x 1000", "10000000000000 bytes", "more than one array can hold");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedDataIsRejected(boolean compressed) throws IOException {
        byte[] full = images(3, 4, 4);
        Path file = write(dir, "short", encoding(compressed).apply(Arrays.copyOf(full, full.length - 5)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "truncated", "the header declares 3 x 4 x 4 unsigned byte values (48 bytes)",
                compressed ? "holds only 43 data bytes" : "expected a file of 64 bytes, found 59");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void trailingBytesAreRejected(boolean compressed) throws IOException {
        Path file = write(dir, "long", encoding(compressed).apply(concat(labels(1, 2, 3), new byte[] {9, 9})));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "trailing bytes", "the header declares 3 unsigned byte values (3 bytes)", "has 2 more bytes");
    }

    @Test
    void aCutGzipStreamIsRejected() throws IOException {
        byte[] compressed = gzip(images(20, 28, 28));
        Path file = write(dir, "cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "corrupt or truncated gzip data");
    }

    @Test
    void aGzipStreamWithABadChecksumIsRejected() throws IOException {
        byte[] compressed = gzip(labels(1, 2, 3));
        compressed[compressed.length - 6] ^= 0x55; // inside the CRC-32 of the gzip trailer
        Path file = write(dir, "crc.gz", compressed);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "corrupt or truncated gzip data");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = write(dir, "images", images(3, 2, 2));
        Path labels = write(dir, "labels", labels(1, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabelledImages(images, labels));
        assertMessage(e, labels, "expected 3 labels, one for each image in " + images, "found 2");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsAStreamNamingItsSourceInMessages(boolean compressed) throws IOException {
        Path source = dir.resolve("archive.zip!").resolve("entry");
        InputStream in = new ByteArrayInputStream(encoding(compressed).apply(images(2, 3, 4)));
        IdxImages read = IdxReader.readImages(in, source, 2, 3, 4);
        assertEquals(pixel(1, 2, 3), read.pixel(1, 2, 3));
        assertArrayEquals(new int[] {4, 5}, IdxReader.readLabels(new ByteArrayInputStream(labels(4, 5)), source, 2));

        InputStream cut = new ByteArrayInputStream(encoding(compressed).apply(Arrays.copyOf(labels(1, 2, 3), 10)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(cut, source, IdxReader.ANY));
        assertMessage(e, source, "truncated", "holds only 2 data bytes");
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream(gzip(labels(1, 2)))) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        IdxReader.readLabels(in, dir.resolve("stream"), 2);
        assertFalse(closed[0], "the stream was closed");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void sizesTheCallerExpectsAreCheckedBeforeAnyValueIsRead(boolean compressed) throws IOException {
        // The header promises 5 images, but the data holds none: only the header can have been read.
        Path file = write(dir, "images", encoding(compressed).apply(header(0x00000803, 5, 28, 28)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file, 3, 28, 28));
        assertMessage(e, file, "expected 3 x 28 x 28 (unsigned-byte images, count x rows x columns)",
                "the header declares 5 x 28 x 28");

        Path matrix = write(dir, "matrix", encoding(compressed).apply(header(0x00000C02, 2, 7)));
        IdxFormatException columns = assertThrows(IdxFormatException.class,
                () -> IdxReader.readIntMatrix(matrix, IdxReader.ANY, 8));
        assertMessage(columns, matrix, "expected * x 8 (int32 matrix, rows x columns)", "the header declares 2 x 7");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void withEverySizeExpectedTheValuesAreReadAndCheckedAsUsual(boolean compressed) throws IOException {
        Path file = write(dir, "matrix", encoding(compressed).apply(intMatrix(2, 3, 1, -2, 3, -4, 5, -6)));
        assertArrayEquals(new int[] {1, -2, 3, -4, 5, -6}, IdxReader.readIntMatrix(file, 2, 3).values());

        byte[] full = images(3, 4, 4);
        Path cut = write(dir, "cut", encoding(compressed).apply(Arrays.copyOf(full, full.length - 5)));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(cut, 3, 4, 4));
        assertMessage(e, cut, "truncated", compressed ? "holds only 43 data bytes" : "expected a file of 64 bytes");

        Path longer = write(dir, "long", encoding(compressed).apply(concat(labels(1, 2), new byte[] {7})));
        IdxFormatException trailing = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(longer, 2));
        assertMessage(trailing, longer, "trailing bytes", "1 more bytes");
    }

    @Test
    void xzIsRecognisedByItsMagicBytesNotByTheFileName() throws IOException {
        Path file = write(dir, "images.gz", xz(images(3, 4, 5)));
        IdxImages read = IdxReader.readImages(file, 3, 4, 5);
        assertEquals(pixel(2, 3, 4), read.pixel(2, 3, 4));
        Path matrix = write(dir, "matrix", xz(intMatrix(1, 2, 7, -7)));
        assertArrayEquals(new int[] {7, -7}, IdxReader.readIntMatrix(matrix).values());
    }

    @Test
    void aCutXzStreamIsRejected() throws IOException {
        byte[] compressed = xz(images(20, 28, 28));
        Path file = write(dir, "cut.xz", Arrays.copyOf(compressed, compressed.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertMessage(e, file, "corrupt or truncated xz data");
    }

    @Test
    void anXzStreamWithABadChecksumIsRejected() throws IOException {
        byte[] compressed = xz(labels(1, 2, 3));
        // The block's CRC-64 (xz-java's default check) is the 8 bytes before the index and the stream footer, which
        // take the last 20 bytes here.
        compressed[compressed.length - 25] ^= 0x55;
        Path file = write(dir, "crc.xz", compressed);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertMessage(e, file, "corrupt or truncated xz data");
    }
}
