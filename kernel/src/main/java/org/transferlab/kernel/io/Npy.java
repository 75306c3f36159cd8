package org.transferlab.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0: the magic string, a little-endian header length, a Python-dict header padded
 * with spaces to a multiple of 64 bytes and ending in a newline, then the C-order data. Only little-endian float32
 * ({@code <f4}) and int32 ({@code <i4}) arrays are written and read.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '(<f4|<i4)', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    /** A decoded array: exactly one of {@code floats} and {@code ints} is set. */
    public record Array(long[] shape, float[] floats, int[] ints) {
    }

    private Npy() {
    }

    public static byte[] encode(float[] data, long... shape) {
        checkSize(data.length, shape);
        ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(data);
        return withHeader("<f4", shape, body.array());
    }

    public static byte[] encode(int[] data, long... shape) {
        checkSize(data.length, shape);
        ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        body.asIntBuffer().put(data);
        return withHeader("<i4", shape, body.array());
    }

    /**
     * Decodes an array, checking the magic string, the header and that the data has exactly the size the shape says.
     *
     * @param source  names the file in error messages
     */
    public static Array decode(byte[] bytes, String source) throws IOException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), Arrays.copyOf(MAGIC, 6))) {
            throw new IOException(source + ": not a NumPy .npy file (bad magic string)");
        }
        if (bytes[6] != 1 || bytes[7] != 0) {
            throw new IOException(source + ": .npy version " + bytes[6] + "." + bytes[7] + " is not supported (expected 1.0)");
        }
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (10 + headerLength > bytes.length) {
            throw new IOException(source + ": truncated .npy header");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IOException(source + ": unsupported .npy header " + header.trim()
                    + " (expected little-endian float32 or int32 in C order)");
        }
        long[] shape = Arrays.stream(matcher.group(2).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        int offset = 10 + headerLength;
        if (bytes.length - offset != elements * 4) {
            throw new IOException(source + ": expected " + elements * 4 + " bytes of data for shape "
                    + Arrays.toString(shape) + ", found " + (bytes.length - offset));
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, offset, bytes.length - offset).slice().order(ByteOrder.LITTLE_ENDIAN);
        if (matcher.group(1).equals("<f4")) {
            float[] floats = new float[(int) elements];
            body.asFloatBuffer().get(floats);
            return new Array(shape, floats, null);
        }
        int[] ints = new int[(int) elements];
        body.asIntBuffer().get(ints);
        return new Array(shape, null, ints);
    }

    private static byte[] withHeader(String descr, long[] shape, byte[] body) {
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList());
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 2 + header.length() + body.length);
        out.writeBytes(MAGIC);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8 & 0xff);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void checkSize(int length, long[] shape) {
        long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (elements != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements + " values, got " + length);
        }
    }
}
