package org.transferlab.plugins.datasets.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a dataset file for reading. {@link DataFileLocator} also accepts {@code <file>.gz}, so a file that starts with
 * gzip's magic bytes is decompressed, whatever it is called.
 */
public final class DataFileInput {

    private static final int BUFFER = 1 << 16;

    private DataFileInput() {
    }

    /**
     * @throws DataFileFormatException when the file starts like gzip but its gzip header is corrupt
     */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        boolean gzip;
        try {
            in.mark(2);
            gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
        } catch (IOException e) {
            in.close();
            throw e;
        }
        if (!gzip) {
            return in;
        }
        try {
            return new GZIPInputStream(in, BUFFER);
        } catch (IOException e) {
            in.close();
            throw new DataFileFormatException(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }
}
