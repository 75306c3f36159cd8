package org.transferlab.plugins.datasets.idx;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.tukaani.xz.XZIOException;
import org.tukaani.xz.XZInputStream;

/**
 * The only class that refers to the XZ library, so that the rest of the reader works, and says what is wrong, when
 * that library is missing: calling in here is what fails then, with a {@link LinkageError}.
 */
final class XzStreams {

    private XzStreams() {
    }

    /** Decompresses {@code in}, which starts with the xz magic bytes; closing the result closes {@code in}. */
    static InputStream open(InputStream in) throws IOException {
        return new XZInputStream(in);
    }

    /** Whether {@code e} says the xz data is corrupt or cut short, rather than that reading failed. */
    static boolean isCorruptData(IOException e) {
        return e instanceof XZIOException || e instanceof EOFException;
    }
}
