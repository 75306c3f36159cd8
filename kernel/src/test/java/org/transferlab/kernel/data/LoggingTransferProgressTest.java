package org.transferlab.kernel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoggingTransferProgressTest {

    @Test
    void linesSayTheFileItsSizeHowFarAndHowLong() {
        AtomicLong now = new AtomicLong();
        LoggingTransferProgress progress = new LoggingTransferProgress(now::get);
        progress.started("train-images-idx3-ubyte.gz", 9_912_422);
        assertEquals("downloading train-images-idx3-ubyte.gz (9.5 MiB)", progress.startLine());
        progress.advanced(4_956_211);
        assertEquals("train-images-idx3-ubyte.gz: 50% (4.7 MiB of 9.5 MiB)", progress.progressLine());
        now.set(2_500_000_000L);
        progress.advanced(4_956_211);
        assertEquals("train-images-idx3-ubyte.gz: received 9.5 MiB in 2.5 s", progress.endLine());
    }

    @Test
    void anUnknownSizeAndAnIncompleteTransferAreSaidSo() {
        LoggingTransferProgress progress = new LoggingTransferProgress(() -> 0L);
        progress.started("usps.bz2", -1);
        assertEquals("downloading usps.bz2 (size not given)", progress.startLine());
        progress.advanced(600);
        assertEquals("usps.bz2: 600 B", progress.progressLine());
        progress.started("usps.bz2", 2_000);
        progress.advanced(1_500);
        assertEquals("usps.bz2: received 1.5 KiB of 2.0 KiB in 0.0 s", progress.endLine());
    }

    @Test
    void sizesUseBinaryUnits() {
        assertEquals("1023 B", ByteCount.format(1023));
        assertEquals("1.0 KiB", ByteCount.format(1024));
        assertEquals("44.9 MiB", ByteCount.format(47_040_016));
        assertEquals("2.0 GiB", ByteCount.format(2L << 30));
    }
}
