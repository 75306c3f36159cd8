package org.transferlab.kernel.data;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlab.api.data.TransferProgress;

/** Logs a line when a download starts, every ten seconds while it runs, and when it ends; for non-interactive runs. */
public final class LoggingTransferProgress implements TransferProgress {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTransferProgress.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final LongSupplier clock;
    private String file;
    private long total;
    private long received;
    private long startedAt;
    private long loggedAt;

    public LoggingTransferProgress() {
        this(System::nanoTime);
    }

    LoggingTransferProgress(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void started(String file, long totalBytes) {
        this.file = file;
        this.total = totalBytes;
        this.received = 0;
        this.startedAt = clock.getAsLong();
        this.loggedAt = startedAt;
        LOG.info("{}", startLine());
    }

    @Override
    public void advanced(long bytes) {
        received += bytes;
        long now = clock.getAsLong();
        if (now - loggedAt >= INTERVAL_NANOS) {
            loggedAt = now;
            LOG.info("{}", progressLine());
        }
    }

    @Override
    public void finished() {
        LOG.info("{}", endLine());
    }

    String startLine() {
        return "downloading " + file + (total >= 0 ? " (" + ByteCount.format(total) + ")" : " (size not given)");
    }

    String progressLine() {
        if (total > 0) {
            return String.format(Locale.ROOT, "%s: %d%% (%s of %s)", file, 100 * received / total,
                    ByteCount.format(received), ByteCount.format(total));
        }
        return file + ": " + ByteCount.format(received);
    }

    String endLine() {
        double seconds = (clock.getAsLong() - startedAt) / 1e9;
        String of = total >= 0 && received != total ? " of " + ByteCount.format(total) : "";
        return String.format(Locale.ROOT, "%s: received %s%s in %.1f s", file, ByteCount.format(received), of, seconds);
    }
}
