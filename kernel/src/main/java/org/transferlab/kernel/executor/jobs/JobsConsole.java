package org.transferlab.kernel.executor.jobs;

import java.io.PrintStream;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code run --jobs} prints: the lines of the coordinator and its workers and, on an interactive terminal, one
 * progress bar for the whole study below them, naming the tasks that are running.
 */
public final class JobsConsole implements AutoCloseable {

    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintStream out;
    private final boolean interactive;
    private ProgressBar bar;

    public JobsConsole(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    synchronized void line(String text) {
        if (bar != null) {
            out.print(CLEAR_LINE);
        }
        out.println(text);
        if (bar != null) {
            bar.refresh();
        }
    }

    synchronized void progress(int finished, int total, List<String> running) {
        if (!interactive) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("study").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }
        bar.stepTo(finished);
        bar.setExtraMessage(running.isEmpty() ? "" : "running " + String.join(", ", running));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
