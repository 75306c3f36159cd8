package org.transferlab.plugins.datasets.svhn;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.DataFileFormatException;
import org.transferlab.plugins.datasets.files.DataFileInput;
import org.transferlab.plugins.datasets.image.Resampler;
import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads one SVHN split from its MATLAB v5 MAT-file ({@code train_32x32.mat} and its siblings), compressed variables
 * included. The file holds {@code X}, a 32 × 32 × 3 × N uint8 array indexed (row, column, RGB channel, image) and
 * stored column-major, and {@code y}, N labels from 1 to 10 where 10 stands for the digit 0; other variables are
 * skipped.
 *
 * <p>Each image becomes gray with ITU-R BT.601 luma, {@code 0.299 R + 0.587 G + 0.114 B}, kept exact (in thousandths),
 * is shrunk from 32 to 28 pixels by {@linkplain Resampler#area area averaging}, and is rounded half up once, at the
 * end. The library holds X as it is stored, one byte per value; images are converted one at a time, so a split costs
 * its file's uint8 values plus the 28 × 28 result (about 2.1 GB of heap for the extra split).
 */
final class SvhnMatFile {

    static final int SIDE = 32;
    static final int CHANNELS = 3;

    private static final int IMAGE_VALUES = SIDE * SIDE * CHANNELS;
    private static final int LUMA_SCALE = 1000;
    private static final Resampler RESIZE = Resampler.area(SIDE, ImageSet.SIDE);
    private static final Set<MatlabType> NUMERIC = EnumSet.of(MatlabType.Double, MatlabType.Single, MatlabType.Int8,
            MatlabType.UInt8, MatlabType.Int16, MatlabType.UInt16, MatlabType.Int32, MatlabType.UInt32, MatlabType.Int64,
            MatlabType.UInt64);

    private SvhnMatFile() {
    }

    static ImageSet read(Path file, int expectedCount) throws IOException {
        try (Mat5File mat = readMat(file, expectedCount)) {
            Matrix x = matrix(file, mat, "X");
            Matrix y = matrix(file, mat, "y");
            int count = imageCount(file, x);
            if (count != expectedCount) {
                throw new DataFileFormatException(file, "expected " + expectedCount + " images, found " + count);
            }
            int[] labels = labels(file, y, count);
            return new ImageSet(grayResized(x, count), labels);
        }
    }

    private static Mat5File readMat(Path file, int expectedCount) throws IOException {
        long largestVariable = Math.max(1 << 20, (long) expectedCount * IMAGE_VALUES);
        InputStream in = DataFileInput.open(file);
        try (in) {
            return Mat5.newReader(Sources.wrapInputStream(in, 1 << 16))
                    .setBufferAllocator(new BoundedHeapAllocator(largestVariable, expectedCount))
                    .setEntryFilter(header -> header.getName().equals("X") || header.getName().equals("y"))
                    .readMat();
        } catch (IOException e) {
            throw new DataFileFormatException(file, "not a readable MAT v5 file: " + reason(e), e);
        }
    }

    /** The library wraps whatever went wrong; the innermost cause says what. */
    private static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "the file ends early; it may be truncated";
            }
            root = t;
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static Matrix matrix(Path file, MatFile mat, String name) throws DataFileFormatException {
        for (MatFile.Entry entry : mat.getEntries()) {
            if (entry.getName().equals(name)) {
                Array value = entry.getValue();
                if (value instanceof Matrix matrix && NUMERIC.contains(value.getType()) && !matrix.isComplex()) {
                    return matrix;
                }
                throw new DataFileFormatException(file, "variable " + name + " is " + describe(value)
                        + ", not a real numeric array");
            }
        }
        throw new DataFileFormatException(file, "has no variable " + name
                + "; an SVHN file holds X (the images) and y (the labels)");
    }

    private static int imageCount(Path file, Matrix x) throws DataFileFormatException {
        int[] dims = x.getDimensions();
        // MATLAB drops trailing singleton dimensions, so a file of one image has three.
        boolean shape = (dims.length == 4 || dims.length == 3) && dims[0] == SIDE && dims[1] == SIDE && dims[2] == CHANNELS;
        if (!shape || x.getType() != MatlabType.UInt8 || x.isLogical()) {
            throw new DataFileFormatException(file, "X must be a 32 x 32 x 3 x N uint8 array (rows, columns, RGB,"
                    + " images), found " + describe(x));
        }
        return dims.length == 4 ? dims[3] : 1;
    }

    private static int[] labels(Path file, Matrix y, int count) throws DataFileFormatException {
        int[] dims = y.getDimensions();
        if (dims.length != 2 || y.getNumElements() != count || (dims[0] != 1 && dims[1] != 1)) {
            throw new DataFileFormatException(file, "y must hold one label for each of the " + count + " images ("
                    + count + " x 1), found " + describe(y));
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double label = y.getDouble(i);
            if (!(label >= 1 && label <= 10) || label != Math.rint(label)) {
                throw new DataFileFormatException(file, "label " + format(label) + " of image " + (i + 1)
                        + " in y is not an integer from 1 to 10 (10 stands for the digit 0)");
            }
            labels[i] = (int) label % 10;
        }
        return labels;
    }

    private static byte[] grayResized(Matrix x, int count) {
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        int[] gray = new int[SIDE * SIDE];
        for (int n = 0; n < count; n++) {
            int image = n * IMAGE_VALUES;
            for (int column = 0; column < SIDE; column++) {
                for (int row = 0; row < SIDE; row++) {
                    // Column-major: X(row, column, channel, n) is at row + 32·column + 1024·channel + 3072·n.
                    int at = image + column * SIDE + row;
                    long red = x.getLong(at);
                    long green = x.getLong(at + SIDE * SIDE);
                    long blue = x.getLong(at + 2 * SIDE * SIDE);
                    gray[row * SIDE + column] = (int) (299 * red + 587 * green + 114 * blue);
                }
            }
            RESIZE.resize(gray, LUMA_SCALE, pixels, n * ImageSet.PIXELS);
        }
        return pixels;
    }

    private static String describe(Array array) {
        StringBuilder text = new StringBuilder();
        for (int d : array.getDimensions()) {
            text.append(text.length() == 0 ? "" : " x ").append(d);
        }
        text.append(' ').append(array.getType());
        if (array instanceof Matrix matrix && matrix.isComplex()) {
            text.append(" complex");
        }
        if (array instanceof Matrix matrix && matrix.isLogical()) {
            text.append(" logical");
        }
        return text.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Heap buffers, so a split is bounded by the heap alone, refusing any variable larger than the split's X could be:
     * a corrupt size field then is a clear error rather than an attempt to allocate gigabytes.
     */
    private static final class BoundedHeapAllocator implements BufferAllocator {

        private final long limit;
        private final int expectedCount;

        BoundedHeapAllocator(long limit, int expectedCount) {
            this.limit = limit;
            this.expectedCount = expectedCount;
        }

        @Override
        public ByteBuffer allocate(int numBytes) {
            long size = Integer.toUnsignedLong(numBytes);
            if (size > limit) {
                throw new IllegalStateException("a variable declares " + size + " bytes, more than X of "
                        + expectedCount + " images can hold (" + limit + " bytes)");
            }
            return ByteBuffer.allocate(numBytes).order(Mat5.DEFAULT_ORDER);
        }

        @Override
        public void release(ByteBuffer buffer) {
        }
    }
}
