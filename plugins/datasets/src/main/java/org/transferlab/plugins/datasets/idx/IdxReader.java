package org.transferlab.plugins.datasets.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and its relatives: a magic number {@code 0x0000TTDD} (TT the element type, DD the
 * number of dimensions), DD big-endian int32 sizes, then the values, big-endian and row-major. A file may be
 * gzip- or xz-compressed; the compression is recognised by its magic bytes, whatever the file is called.
 *
 * <p>Anything that does not match what the caller asked for — magic number, element type, number of dimensions, sizes
 * other than those the caller expects, a header whose sizes cannot be held in memory, fewer or more data bytes than the
 * header declares, a corrupt gzip or xz stream — is an {@link IdxFormatException} that names the file and says what was
 * expected and what was found.
 *
 * <p>Every reader takes the file either as a path or as a stream (such as an entry of a zip archive) with the path
 * that names it in messages. A caller that knows the sizes the header must declare passes them, and {@link #ANY} for
 * the others: a header that declares other sizes is rejected before any value is read, and when every size is known
 * the values are read straight into one array of that size, so that a large compressed file needs no second copy.
 */
public final class IdxReader {

    /** Element type code of unsigned bytes (images and plain labels). */
    public static final int UNSIGNED_BYTE = 0x08;
    /** Element type code of signed big-endian int32 values (e.g. QMNIST's extended label records). */
    public static final int INT32 = 0x0C;

    /** Stands for a size the caller does not know in advance. */
    public static final int ANY = -1;

    private static final Kind IMAGES = new Kind(UNSIGNED_BYTE, 3, "unsigned-byte images, count x rows x columns");
    private static final Kind LABELS = new Kind(UNSIGNED_BYTE, 1, "unsigned-byte labels, one per image");
    private static final Kind INT_MATRIX = new Kind(INT32, 2, "int32 matrix, rows x columns");

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    private static final BigInteger MAX_ARRAY_BYTES = BigInteger.valueOf(Integer.MAX_VALUE - 8);
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Unsigned-byte images, magic {@code 0x00000803}: count × rows × columns. */
    public static IdxImages readImages(Path file) throws IOException {
        return readImages(file, ANY, ANY, ANY);
    }

    /** Unsigned-byte images whose header must declare the given sizes, each of them or {@link #ANY}. */
    public static IdxImages readImages(Path file, int count, int rows, int columns) throws IOException {
        return images(readFile(file, IMAGES, count, rows, columns));
    }

    /**
     * Unsigned-byte images read from {@code in} to its end; {@code in} is not closed.
     *
     * @param source  names the stream in messages, e.g. {@code archive.zip!/entry.gz}
     */
    public static IdxImages readImages(InputStream in, Path source, int count, int rows, int columns)
            throws IOException {
        return images(readStream(in, source, IMAGES, count, rows, columns));
    }

    /** Unsigned-byte labels, magic {@code 0x00000801}: one value per image. */
    public static int[] readLabels(Path file) throws IOException {
        return readLabels(file, ANY);
    }

    /** Unsigned-byte labels whose header must declare {@code count} labels, or any number for {@link #ANY}. */
    public static int[] readLabels(Path file, int count) throws IOException {
        return labels(readFile(file, LABELS, count));
    }

    /** Unsigned-byte labels read from {@code in} to its end; {@code in} is not closed. */
    public static int[] readLabels(InputStream in, Path source, int count) throws IOException {
        return labels(readStream(in, source, LABELS, count));
    }

    /** A signed int32 matrix, magic {@code 0x00000C02}: rows × columns. */
    public static IdxIntMatrix readIntMatrix(Path file) throws IOException {
        return readIntMatrix(file, ANY, ANY);
    }

    /** A signed int32 matrix whose header must declare the given sizes, each of them or {@link #ANY}. */
    public static IdxIntMatrix readIntMatrix(Path file, int rows, int columns) throws IOException {
        return intMatrix(readFile(file, INT_MATRIX, rows, columns));
    }

    /** A signed int32 matrix read from {@code in} to its end; {@code in} is not closed. */
    public static IdxIntMatrix readIntMatrix(InputStream in, Path source, int rows, int columns) throws IOException {
        return intMatrix(readStream(in, source, INT_MATRIX, rows, columns));
    }

    /** An images file and its labels file, which must hold the same number of entries. */
    public static IdxLabelledImages readLabelledImages(Path imagesFile, Path labelsFile) throws IOException {
        int[] labels = readLabels(labelsFile);
        IdxImages images = readImages(imagesFile);
        if (labels.length != images.count()) {
            throw new IdxFormatException(labelsFile, "expected " + images.count() + " labels, one for each image in "
                    + imagesFile + ", found " + labels.length);
        }
        return new IdxLabelledImages(images, labels);
    }

    private record Kind(int type, int dimensions, String description) {
    }

    private record Array(int[] dims, byte[] data) {
    }

    private static IdxImages images(Array array) {
        return new IdxImages(array.dims[0], array.dims[1], array.dims[2], array.data);
    }

    private static int[] labels(Array array) {
        int[] labels = new int[array.data.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = array.data[i] & 0xff;
        }
        return labels;
    }

    private static IdxIntMatrix intMatrix(Array array) {
        int[] values = new int[array.data.length / Integer.BYTES];
        ByteBuffer.wrap(array.data).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(values);
        return new IdxIntMatrix(array.dims[0], array.dims[1], values);
    }

    private static Array readFile(Path file, Kind kind, int... expected) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(file, in, fileSize, kind, expected);
        }
    }

    private static Array readStream(InputStream in, Path source, Kind kind, int... expected) throws IOException {
        return read(source, in, -1, kind, expected);
    }

    /** @param rawSize the stream's size when it is known to be the whole file, otherwise -1 */
    private static Array read(Path file, InputStream stream, long rawSize, Kind kind, int[] expected)
            throws IOException {
        // The decompressors are closed to free their native memory; the caller's stream is left open.
        InputStream in = new BufferedInputStream(new KeepOpen(stream), BUFFER);
        byte[] magic = peek(in, XZ_MAGIC.length);
        if (startsWith(magic, GZIP_MAGIC)) {
            try (InputStream inflated = new GZIPInputStream(in, BUFFER)) {
                return readDecompressed(file, inflated, kind, expected);
            } catch (EOFException | ZipException e) {
                throw new IdxFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
            }
        }
        if (startsWith(magic, XZ_MAGIC)) {
            return readXz(file, in, kind, expected);
        }
        return readArray(file, in, rawSize, kind, expected);
    }

    private static Array readXz(Path file, InputStream in, Kind kind, int[] expected) throws IOException {
        InputStream decompressed;
        try {
            decompressed = XzStreams.open(in);
        } catch (LinkageError e) {
            throw new IOException(file + ": is xz-compressed, but the XZ library (org.tukaani:xz) is not on the class"
                    + " path of the datasets plugin; decompress the file with unxz, or install the plugin with its"
                    + " libraries", e);
        } catch (IOException e) {
            throw xzProblem(file, e);
        }
        try (decompressed) {
            return readDecompressed(file, decompressed, kind, expected);
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            throw xzProblem(file, e);
        }
    }

    private static IOException xzProblem(Path file, IOException e) {
        return XzStreams.isCorruptData(e)
                ? new IdxFormatException(file, "corrupt or truncated xz data (" + e.getMessage() + ")", e)
                : e;
    }

    private static byte[] peek(InputStream in, int length) throws IOException {
        in.mark(length);
        byte[] start = in.readNBytes(length);
        in.reset();
        return start;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Shields a caller's stream from the close of the readers stacked on it. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /**
     * @param rawSize   the file's size when {@code in} is the whole file itself, otherwise -1
     * @param expected  for each dimension, the size the header must declare or {@link #ANY}
     */
    private static Array readArray(Path file, InputStream in, long rawSize, Kind kind, int[] expected)
            throws IOException {
        return readArray(file, in, rawSize, "the file", kind, expected);
    }

    private static Array readDecompressed(Path file, InputStream in, Kind kind, int[] expected) throws IOException {
        return readArray(file, in, -1, "the decompressed file", kind, expected);
    }

    private static Array readArray(Path file, InputStream in, long rawSize, String where, Kind kind, int[] expected)
            throws IOException {
        int type = kind.type();
        int dimensions = kind.dimensions();
        if (expected.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " sizes, got " + expected.length);
        }
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IdxFormatException(file, "too short for an IDX header: expected a 4-byte magic number, " + where
                    + " has " + magicBytes.length + " bytes");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        int expectedMagic = type << 8 | dimensions;
        if (magic != expectedMagic) {
            throw new IdxFormatException(file, "expected IDX magic number " + hex(expectedMagic) + " ("
                    + kind.description() + "), found " + hex(magic) + " (" + describeMagic(magic) + ")");
        }

        byte[] dimBytes = in.readNBytes(4 * dimensions);
        if (dimBytes.length < 4 * dimensions) {
            throw new IdxFormatException(file, "truncated header: expected " + dimensions + " dimension sizes ("
                    + 4 * dimensions + " bytes) after the magic number, found " + dimBytes.length + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(dimBytes);
        int[] dims = new int[dimensions];
        BigInteger dataBytes = BigInteger.valueOf(elementSize(type));
        for (int d = 0; d < dimensions; d++) {
            dims[d] = header.getInt();
            if (dims[d] < 0) {
                throw new IdxFormatException(file, "header size of dimension " + d + " is "
                        + Integer.toUnsignedString(dims[d]) + ", expected at most " + Integer.MAX_VALUE);
            }
            dataBytes = dataBytes.multiply(BigInteger.valueOf(dims[d]));
        }
        String shape = shape(dims);
        boolean everySizeExpected = true;
        for (int d = 0; d < dimensions; d++) {
            everySizeExpected &= expected[d] != ANY;
            if (expected[d] != ANY && expected[d] != dims[d]) {
                throw new IdxFormatException(file, "expected " + shape(expected) + " (" + kind.description()
                        + "), the header declares " + shape);
            }
        }
        String declared = "the header declares " + shape + " " + typeName(type) + " values (" + dataBytes + " bytes)";
        if (dataBytes.compareTo(MAX_ARRAY_BYTES) > 0) {
            throw new IdxFormatException(file, declared + ", more than one array can hold (" + MAX_ARRAY_BYTES
                    + " bytes); the header is probably corrupt");
        }
        int length = dataBytes.intValueExact();

        if (rawSize >= 0) {
            // A raw file's size is known: reject a bad header before allocating what it asks for.
            long expectedSize = 4L + 4L * dimensions + length;
            if (rawSize < expectedSize) {
                throw new IdxFormatException(file, "truncated: " + declared + ", expected a file of " + expectedSize
                        + " bytes, found " + rawSize);
            }
        }
        byte[] data;
        if (rawSize >= 0 || everySizeExpected) {
            data = new byte[length];
            int read = in.readNBytes(data, 0, length);
            if (read < length) {
                throw new IdxFormatException(file, "truncated: " + declared + ", " + where + " holds only " + read
                        + " data bytes");
            }
        } else {
            // Grows with what is actually there, so a corrupt header cannot make us allocate gigabytes up front.
            data = in.readNBytes(length);
            if (data.length < length) {
                throw new IdxFormatException(file, "truncated: " + declared + ", " + where + " holds only "
                        + data.length + " data bytes");
            }
        }
        long trailing = in.transferTo(OutputStream.nullOutputStream());
        if (trailing > 0) {
            throw new IdxFormatException(file, "trailing bytes: " + declared + ", but " + where + " has " + trailing
                    + " more bytes after them");
        }
        return new Array(dims, data);
    }

    /** Sizes as {@code 3 x 28 x 28}, with {@code *} for {@link #ANY}. */
    private static String shape(int[] dims) {
        return Arrays.stream(dims).mapToObj(d -> d == ANY ? "*" : Integer.toString(d)).collect(Collectors.joining(" x "));
    }

    private static int elementSize(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new IllegalArgumentException("unknown IDX type " + type);
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "int16";
            case 0x0C -> "int32";
            case 0x0D -> "float32";
            case 0x0E -> "float64";
            default -> String.format("unknown type 0x%02X", type);
        };
    }

    private static String describeMagic(int magic) {
        if (magic >>> 16 != 0) {
            return "not an IDX header, which starts with two zero bytes";
        }
        int dimensions = magic & 0xff;
        return typeName(magic >>> 8 & 0xff) + ", " + dimensions + (dimensions == 1 ? " dimension" : " dimensions");
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
