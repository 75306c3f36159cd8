package org.transferlab.plugins.datasets.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Writes small IDX files for tests, byte by byte from the format's definition. */
public final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** A distinct value for every (image, row, column); not symmetric in row and column, so a transpose shows. */
    public static int pixel(int image, int row, int column) {
        return (image * 31 + row * 7 + column * 3) & 0xff;
    }

    /** A header: magic number, then each dimension as a big-endian int32. */
    public static byte[] header(int magic, int... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        return buffer.array();
    }

    /** Unsigned-byte images whose pixels are {@link #pixel}. */
    public static byte[] images(int count, int rows, int columns) {
        byte[] data = new byte[count * rows * columns];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    data[(i * rows + r) * columns + c] = (byte) pixel(i, r, c);
                }
            }
        }
        return concat(header(0x00000803, count, rows, columns), data);
    }

    public static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return concat(header(0x00000801, labels.length), data);
    }

    public static byte[] intMatrix(int rows, int columns, int... values) {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            data.putInt(value);
        }
        return concat(header(0x00000C02, rows, columns), data.array());
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xz(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options(1))) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), content);
    }
}
