package org.transferlab.kernel.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.data.LoggingTransferProgress;

/** A progress bar per download on an interactive terminal; log lines otherwise. */
final class ConsoleTransferProgress implements TransferProgress {

    private ProgressBar bar;

    private ConsoleTransferProgress() {
    }

    static TransferProgress create() {
        return System.console() != null ? new ConsoleTransferProgress() : new LoggingTransferProgress();
    }

    @Override
    public void started(String file, long totalBytes) {
        finished();
        bar = new ProgressBarBuilder().setTaskName(file).setInitialMax(totalBytes).setUnit("MiB", 1 << 20)
                .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
    }

    @Override
    public void advanced(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
