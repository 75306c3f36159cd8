package org.transferlab.kernel.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.LoggingTrainingListener;
import org.transferlab.kernel.engine.StepResult;
import org.transferlab.kernel.engine.TrainingListener;

/** A progress bar per epoch on an interactive terminal; one log line per epoch otherwise. */
final class ConsoleTrainingListener implements TrainingListener {

    private final String label;
    private ProgressBar bar;
    private int epochs;
    private int batchesPerEpoch;

    private ConsoleTrainingListener(String label) {
        this.label = label;
    }

    static TrainingListener forTask(String taskId) {
        return System.console() != null ? new ConsoleTrainingListener(taskId) : new LoggingTrainingListener(taskId);
    }

    @Override
    public void trainingStarted(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public void batchFinished(int epoch, int batch, StepResult result) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batchesPerEpoch).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
        }
        bar.stepTo(batch);
    }

    @Override
    public void epochFinished(EpochRecord record) {
        closeBar();
        String test = Double.isNaN(record.testAccuracy()) ? "" : String.format(Locale.ROOT, ", test %.2f%%", 100 * record.testAccuracy());
        System.out.printf(Locale.ROOT, "  %s epoch %d/%d: loss %.4f, train %.2f%%%s, %.0f images/s%n", label, record.epoch(),
                epochs, record.loss(), 100 * record.trainAccuracy(), test, record.imagesPerSecond());
    }

    /** A cancelled or failed epoch never finishes: its bar would go on redrawing around the messages that follow. */
    @Override
    public void trainingEnded() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
