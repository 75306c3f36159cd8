package org.transferlab.kernel.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format for little-endian float32 ({@code <f4}) and int32 ({@code <i4}) arrays in C order: the
 * magic string, a version, a header length, a Python-dict header padded to a multiple of 64 bytes, then the data.
 * Arrays are written as version 1.0, byte for byte what {@code numpy.save} writes; versions 1 to 3 are read.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A float32 array and its shape. */
    public record FloatArray(long[] shape, float[] values) {
    }

    /** An int32 array and its shape. */
    public record IntArray(long[] shape, int[] values) {
    }

    /** A malformed or unsupported array; the message continues a sentence that starts with the array's name. */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    private enum Dtype {
        FLOAT32("<f4", "little-endian float32", 4), INT32("<i4", "little-endian int32", 4),
        INT64("<i8", "little-endian int64", 8);

        final String descr;
        final String description;
        final int bytes;

        Dtype(String descr, String description, int bytes) {
            this.descr = descr;
            this.description = description;
            this.bytes = bytes;
        }
    }

    private Npy() {
    }

    public static byte[] encode(float[] values, long... shape) {
        byte[] header = header(Dtype.FLOAT32, checkedShape(shape, values.length));
        ByteBuffer npy = ByteBuffer.allocate(header.length + Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(header).asFloatBuffer().put(values);
        return npy.array();
    }

    public static byte[] encode(int[] values, long... shape) {
        byte[] header = header(Dtype.INT32, checkedShape(shape, values.length));
        ByteBuffer npy = ByteBuffer.allocate(header.length + Integer.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(header).asIntBuffer().put(values);
        return npy.array();
    }

    /** An int64 array, as PyTorch's BatchNorm keeps {@code num_batches_tracked} (a scalar: shape {@code ()}). */
    public static byte[] encode(long[] values, long... shape) {
        byte[] header = header(Dtype.INT64, checkedShape(shape, values.length));
        ByteBuffer npy = ByteBuffer.allocate(header.length + Long.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(header).asLongBuffer().put(values);
        return npy.array();
    }

    /** The dtype descriptor of an array, {@code <f4} say, read from its header. */
    public static String descr(byte[] npy) throws FormatException {
        return find(DESCR, readHeader(npy).dictionary(), "descr");
    }

    public static FloatArray decodeFloats(byte[] npy) throws FormatException {
        Parsed parsed = parse(npy, Dtype.FLOAT32);
        float[] values = new float[parsed.data().remaining() / Float.BYTES];
        parsed.data().asFloatBuffer().get(values);
        return new FloatArray(parsed.shape(), values);
    }

    public static IntArray decodeInts(byte[] npy) throws FormatException {
        Parsed parsed = parse(npy, Dtype.INT32);
        int[] values = new int[parsed.data().remaining() / Integer.BYTES];
        parsed.data().asIntBuffer().get(values);
        return new IntArray(parsed.shape(), values);
    }

    public static FloatArray readFloats(Path file) throws IOException {
        try {
            return decodeFloats(Files.readAllBytes(file));
        } catch (FormatException e) {
            throw new IOException(file + " " + e.getMessage(), e);
        }
    }

    public static IntArray readInts(Path file) throws IOException {
        try {
            return decodeInts(Files.readAllBytes(file));
        } catch (FormatException e) {
            throw new IOException(file + " " + e.getMessage(), e);
        }
    }

    /** The header {@code numpy.save} writes for a float32 array of this shape. */
    static byte[] header(long[] shape) {
        return header(Dtype.FLOAT32, shape);
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    public static String tuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return tuple.append(')').toString();
    }

    private record Parsed(long[] shape, ByteBuffer data) {
    }

    /** The header's dictionary text, and where the data starts. */
    private record Header(String dictionary, int dataStart) {
    }

    private static Header readHeader(byte[] npy) throws FormatException {
        ByteBuffer buffer = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        if (npy.length < 10 || !buffer.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new FormatException("is not a .npy array (it lacks the \\x93NUMPY magic string)");
        }
        int major = npy[6];
        int headerStart;
        long headerLength;
        if (major == 1) {
            headerStart = 10;
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
        } else if ((major == 2 || major == 3) && npy.length >= 12) {
            headerStart = 12;
            headerLength = Integer.toUnsignedLong(buffer.getInt(8));
        } else {
            throw new FormatException("has unsupported .npy format version " + major + "." + npy[7]);
        }
        if (headerStart + headerLength > npy.length) {
            throw new FormatException("is truncated inside its header");
        }
        return new Header(new String(npy, headerStart, (int) headerLength, ISO_8859_1),
                Math.toIntExact(headerStart + headerLength));
    }

    private static Parsed parse(byte[] npy, Dtype expected) throws FormatException {
        Header header = readHeader(npy);
        int dataStart = header.dataStart();
        long[] shape = parseHeader(header.dictionary(), expected);
        long expectedBytes = expected.bytes * Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long actualBytes = npy.length - dataStart;
        if (actualBytes != expectedBytes) {
            throw new FormatException("has " + actualBytes + " bytes of data but shape " + tuple(shape)
                    + " needs " + expectedBytes);
        }
        return new Parsed(shape, ByteBuffer.wrap(npy, dataStart, npy.length - dataStart).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private static long[] parseHeader(String dictionary, Dtype expected) throws FormatException {
        String descr = find(DESCR, dictionary, "descr");
        if (!descr.equals(expected.descr)) {
            throw new FormatException("has dtype '" + descr + "'; only '" + expected.descr + "' (" + expected.description
                    + ") is supported");
        }
        if (find(FORTRAN_ORDER, dictionary, "fortran_order").equals("True")) {
            throw new FormatException("is stored in Fortran order; only C order is supported");
        }
        String shapeText = find(SHAPE, dictionary, "shape");
        String[] dimensions = Arrays.stream(shapeText.split(",")).map(String::strip).filter(d -> !d.isEmpty())
                .toArray(String[]::new);
        long[] shape = new long[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            try {
                shape[i] = Long.parseLong(dimensions[i]);
            } catch (NumberFormatException e) {
                shape[i] = -1;
            }
            if (shape[i] < 0) {
                throw new FormatException("has an invalid shape (" + shapeText + ")");
            }
        }
        return shape;
    }

    private static String find(Pattern pattern, String dictionary, String key) throws FormatException {
        Matcher matcher = pattern.matcher(dictionary);
        if (!matcher.find()) {
            throw new FormatException("has a header without a valid '" + key + "' entry");
        }
        return matcher.group(1);
    }

    private static long[] checkedShape(long[] shape, int length) {
        long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (elements != length) {
            throw new IllegalArgumentException("shape " + tuple(shape) + " holds " + elements + " values, got " + length);
        }
        return shape;
    }

    private static byte[] header(Dtype dtype, long[] shape) {
        StringBuilder dictionary = new StringBuilder("{'descr': '").append(dtype.descr)
                .append("', 'fortran_order': False, 'shape': ").append(tuple(shape)).append(", }");
        if (shape.length > 0) {
            // NumPy leaves room for the first axis to grow in place; matching it keeps our files identical to its own.
            dictionary.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int prefixLength = MAGIC.length + 2 + 2;
        int padding = ALIGNMENT - (prefixLength + dictionary.length() + 1) % ALIGNMENT;
        dictionary.append(" ".repeat(padding)).append('\n');
        byte[] text = dictionary.toString().getBytes(ISO_8859_1);
        ByteBuffer header = ByteBuffer.allocate(prefixLength + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return header.array();
    }

}
