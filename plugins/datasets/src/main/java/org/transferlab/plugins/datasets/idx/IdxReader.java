package org.transferlab.plugins.datasets.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
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
 * gzip-compressed; gzip is recognised by its magic bytes, whatever the file is called.
 *
 * <p>Anything that does not match what the caller asked for — magic number, element type, number of dimensions, a
 * header whose sizes cannot be held in memory, fewer or more data bytes than the header declares, a corrupt gzip
 * stream — is an {@link IdxFormatException} that names the file and says what was expected and what was found.
 */
public final class IdxReader {

    /** Element type code of unsigned bytes (images and plain labels). */
    public static final int UNSIGNED_BYTE = 0x08;
    /** Element type code of signed big-endian int32 values (e.g. QMNIST's extended label records). */
    public static final int INT32 = 0x0C;

    private static final BigInteger MAX_ARRAY_BYTES = BigInteger.valueOf(Integer.MAX_VALUE - 8);
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Unsigned-byte images, magic {@code 0x00000803}: count × rows × columns. */
    public static IdxImages readImages(Path file) throws IOException {
        Array array = read(file, UNSIGNED_BYTE, 3, "unsigned-byte images, count x rows x columns");
        return new IdxImages(array.dims[0], array.dims[1], array.dims[2], array.data);
    }

    /** Unsigned-byte labels, magic {@code 0x00000801}: one value per image. */
    public static int[] readLabels(Path file) throws IOException {
        Array array = read(file, UNSIGNED_BYTE, 1, "unsigned-byte labels, one per image");
        int[] labels = new int[array.data.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = array.data[i] & 0xff;
        }
        return labels;
    }

    /** A signed int32 matrix, magic {@code 0x00000C02}: rows × columns. */
    public static IdxIntMatrix readIntMatrix(Path file) throws IOException {
        Array array = read(file, INT32, 2, "int32 matrix, rows x columns");
        int[] values = new int[array.data.length / Integer.BYTES];
        ByteBuffer.wrap(array.data).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(values);
        return new IdxIntMatrix(array.dims[0], array.dims[1], values);
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

    private record Array(int[] dims, byte[] data) {
    }

    private static Array read(Path file, int type, int dimensions, String expected) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (!startsWithGzipMagic(in)) {
                return readArray(file, in, fileSize, type, dimensions, expected);
            }
            try (InputStream inflated = new GZIPInputStream(in, BUFFER)) {
                return readArray(file, inflated, -1, type, dimensions, expected);
            } catch (EOFException | ZipException e) {
                throw new IdxFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
            }
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** @param rawSize the file's size when {@code in} is the file itself, or -1 when it is decompressed */
    private static Array readArray(Path file, InputStream in, long rawSize, int type, int dimensions, String expected)
            throws IOException {
        String where = rawSize < 0 ? "the decompressed file" : "the file";
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new IdxFormatException(file, "too short for an IDX header: expected a 4-byte magic number, " + where
                    + " has " + magicBytes.length + " bytes");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        int expectedMagic = type << 8 | dimensions;
        if (magic != expectedMagic) {
            throw new IdxFormatException(file, "expected IDX magic number " + hex(expectedMagic) + " (" + expected
                    + "), found " + hex(magic) + " (" + describeMagic(magic) + ")");
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
        String shape = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(" x "));
        String declared = "the header declares " + shape + " " + typeName(type) + " values (" + dataBytes + " bytes)";
        if (dataBytes.compareTo(MAX_ARRAY_BYTES) > 0) {
            throw new IdxFormatException(file, declared + ", more than one array can hold (" + MAX_ARRAY_BYTES
                    + " bytes); the header is probably corrupt");
        }
        int length = dataBytes.intValueExact();

        byte[] data;
        if (rawSize >= 0) {
            // A raw file's size is known: reject a bad header before allocating what it asks for.
            long expectedSize = 4L + 4L * dimensions + length;
            if (rawSize < expectedSize) {
                throw new IdxFormatException(file, "truncated: " + declared + ", expected a file of " + expectedSize
                        + " bytes, found " + rawSize);
            }
            data = new byte[length];
            int read = in.readNBytes(data, 0, length);
            if (read < length) {
                throw new IdxFormatException(file, "truncated: " + declared + ", found only " + read + " data bytes");
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
