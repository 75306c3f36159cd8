package org.transferlab.plugins.datasets.svhn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/** Writes MAT v5 files laid out as SVHN's, with the same library the plugin reads them with. */
final class SvhnMatFiles {

    /** The value of one channel of one pixel. */
    @FunctionalInterface
    interface Pixels {
        int value(int image, int row, int column, int channel);
    }

    private SvhnMatFiles() {
    }

    /** X as SVHN stores it: 32 × 32 × 3 × count uint8, indexed (row, column, channel, image). */
    static Matrix x(int count, Pixels pixels) {
        return x(new int[] {32, 32, 3, count}, pixels);
    }

    static Matrix x(int[] dims, Pixels pixels) {
        Matrix x = Mat5.newMatrix(dims, MatlabType.UInt8);
        int count = dims.length == 4 ? dims[3] : 1;
        for (int n = 0; n < count; n++) {
            for (int r = 0; r < dims[0]; r++) {
                for (int c = 0; c < dims[1]; c++) {
                    for (int k = 0; k < dims[2]; k++) {
                        int[] index = dims.length == 4 ? new int[] {r, c, k, n} : new int[] {r, c, k};
                        x.setLong(index, pixels.value(n, r, c, k));
                    }
                }
            }
        }
        return x;
    }

    /** Every pixel of image n is the colour rgb[n]. */
    static Pixels uniform(int[]... rgb) {
        return (n, r, c, k) -> rgb[n][k];
    }

    /** y as SVHN stores it: count × 1 doubles. */
    static Matrix y(double... labels) {
        Matrix y = Mat5.newMatrix(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            y.setDouble(i, labels[i]);
        }
        return y;
    }

    static Matrix yUint8(int... labels) {
        Matrix y = Mat5.newMatrix(new int[] {labels.length, 1}, MatlabType.UInt8);
        for (int i = 0; i < labels.length; i++) {
            y.setLong(i, labels[i]);
        }
        return y;
    }

    /** y of count images that all have the same label. */
    static Matrix ySame(int count, double label) {
        double[] labels = new double[count];
        Arrays.fill(labels, label);
        return y(labels);
    }

    /** Writes the variables, name then array, compressed as MATLAB does by default. */
    static Path write(Path file, Object... namesAndArrays) throws IOException {
        return write(file, Deflater.BEST_SPEED, namesAndArrays);
    }

    static Path writeUncompressed(Path file, Object... namesAndArrays) throws IOException {
        return write(file, Deflater.NO_COMPRESSION, namesAndArrays);
    }

    private static Path write(Path file, int deflateLevel, Object[] namesAndArrays) throws IOException {
        Files.createDirectories(file.getParent());
        MatFile mat = Mat5.newMatFile();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            mat.addArray((String) namesAndArrays[i], (Array) namesAndArrays[i + 1]);
        }
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink)
                    .setDeflateLevel(deflateLevel)
                    .writeMat(mat);
        }
        return file;
    }
}
