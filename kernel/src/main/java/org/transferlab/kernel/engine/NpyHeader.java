package org.transferlab.kernel.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The header of a NumPy {@code .npy} array of little-endian float32 values in C order. */
final class NpyHeader {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyHeader() {
    }

    /** Format version 1.0, byte for byte what {@code numpy.save} writes for a float32 array of this shape. */
    static byte[] encode(long[] shape) {
        StringBuilder dictionary = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(tuple(shape))
                .append(", }");
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

    /** The shape from a header's dictionary text, after checking that it describes float32 values in C order. */
    static long[] parseShape(String dictionary) throws NpyFormatException {
        String descr = find(DESCR, dictionary, "descr");
        if (!descr.equals("<f4")) {
            throw new NpyFormatException(
                    "has dtype '" + descr + "'; only '<f4' (little-endian float32) is supported");
        }
        if (find(FORTRAN_ORDER, dictionary, "fortran_order").equals("True")) {
            throw new NpyFormatException("is stored in Fortran order; only C order is supported");
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
                throw new NpyFormatException("has an invalid shape (" + shapeText + ")");
            }
        }
        return shape;
    }

    static String tuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return tuple.append(')').toString();
    }

    private static String find(Pattern pattern, String dictionary, String key) throws NpyFormatException {
        Matcher matcher = pattern.matcher(dictionary);
        if (!matcher.find()) {
            throw new NpyFormatException("has a header without a valid '" + key + "' entry");
        }
        return matcher.group(1);
    }

    /** A malformed or unsupported {@code .npy} entry; the message continues a sentence that starts with its name. */
    static final class NpyFormatException extends Exception {
        NpyFormatException(String message) {
            super(message);
        }
    }
}
