package org.transferlab.plugins.datasets.usps;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.DataFileFormatException;
import org.transferlab.plugins.datasets.files.DataFileInput;
import org.transferlab.plugins.datasets.image.Resampler;

/**
 * Reads one USPS split from its bzip2-compressed libsvm file ({@code usps.bz2}, {@code usps.t.bz2}): one image a line,
 * {@code label index:value …}, the label from 1 to 10 for the digits 0 to 9, the indices 1 to 256 ascending over a
 * 16 × 16 image row by row, the values in [-1, 1].
 *
 * <p>As everywhere in libsvm's format, an index left out means the value 0, here mid-gray; the published files list all
 * 256 values. A value {@code v} becomes the pixel {@code round((v + 1) / 2 · 255)}, rounded half up (torchvision
 * truncates instead), and the 16 × 16 image is enlarged to 28 × 28 by {@linkplain Resampler#bilinear bilinear
 * interpolation}, rounded half up.
 */
final class UspsLibsvmFile {

    static final int SIDE = 16;

    private static final int VALUES = SIDE * SIDE;
    private static final Resampler RESIZE = Resampler.bilinear(SIDE, ImageSet.SIDE);

    private UspsLibsvmFile() {
    }

    static ImageSet read(Path file, int expectedCount) throws IOException {
        byte[] pixels = new byte[expectedCount * ImageSet.PIXELS];
        int[] labels = new int[expectedCount];
        int count = 0;
        InputStream in = DataFileInput.open(file);
        try (in; BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new BZip2CompressorInputStream(in, true), StandardCharsets.US_ASCII))) {
            int[] image = new int[VALUES];
            int lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (count == expectedCount) {
                    throw new DataFileFormatException(file, "line " + lineNumber + ": more than the expected "
                            + expectedCount + " images");
                }
                labels[count] = parse(file, lineNumber, line.strip(), image);
                RESIZE.resize(image, 1, pixels, count * ImageSet.PIXELS);
                count++;
            }
        } catch (DataFileFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileFormatException(file, "not readable as bzip2-compressed text: " + reason(e), e);
        }
        if (count != expectedCount) {
            throw new DataFileFormatException(file, "expected " + expectedCount + " images, found " + count);
        }
        return new ImageSet(pixels, labels);
    }

    /** Fills {@code image} with the line's pixels and returns its class, 0 to 9. */
    private static int parse(Path file, int lineNumber, String line, int[] image) throws DataFileFormatException {
        String[] tokens = line.split("\\s+");
        int label;
        try {
            label = Integer.parseInt(tokens[0]);
        } catch (NumberFormatException e) {
            label = 0;
        }
        if (label < 1 || label > 10) {
            throw lineError(file, lineNumber, "label '" + tokens[0] + "' is not an integer from 1 to 10");
        }
        Arrays.fill(image, pixel(0));
        int previous = 0;
        for (int t = 1; t < tokens.length; t++) {
            String token = tokens[t];
            int colon = token.indexOf(':');
            if (colon < 0) {
                throw lineError(file, lineNumber, "'" + token + "' is not index:value");
            }
            int index;
            double value;
            try {
                index = Integer.parseInt(token.substring(0, colon));
            } catch (NumberFormatException e) {
                throw lineError(file, lineNumber, "index in '" + token + "' is not an integer");
            }
            try {
                value = Double.parseDouble(token.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw lineError(file, lineNumber, "value in '" + token + "' is not a number");
            }
            if (index < 1 || index > VALUES) {
                throw lineError(file, lineNumber, "index " + index + " in '" + token + "' is not from 1 to " + VALUES);
            }
            if (index <= previous) {
                throw lineError(file, lineNumber, "index " + index + " in '" + token + "' does not follow index "
                        + previous + "; indices must ascend");
            }
            if (!(value >= -1 && value <= 1)) {
                throw lineError(file, lineNumber, "value in '" + token + "' is not in [-1, 1]");
            }
            image[index - 1] = pixel(value);
            previous = index;
        }
        return label - 1;
    }

    private static int pixel(double value) {
        return (int) Math.round((value + 1) / 2 * 255);
    }

    private static DataFileFormatException lineError(Path file, int lineNumber, String problem) {
        return new DataFileFormatException(file, "line " + lineNumber + ": " + problem);
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "the file ends early; it may be truncated";
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
