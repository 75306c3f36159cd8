package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per epoch, for runs without an interactive terminal. */
public final class LoggingTrainingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTrainingListener.class);

    private final String label;
    private int epochs;

    /** {@code label} names the run in every line, e.g. a task id. */
    public LoggingTrainingListener(String label) {
        this.label = requireNonNull(label, "label is null");
    }

    @Override
    public void trainingStarted(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
    }

    @Override
    public void epochFinished(EpochRecord record) {
        LOG.info("{}", line(record));
    }

    String line(EpochRecord record) {
        String test = Double.isNaN(record.testAccuracy())
                ? ""
                : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * record.testAccuracy());
        return String.format(Locale.ROOT, "%s epoch %d/%d: lr %.3g, loss %.4f, train accuracy %.2f%%%s, %.1f s, "
                        + "%.0f images/s", label, record.epoch(), epochs, record.learningRate(), record.loss(),
                100 * record.trainAccuracy(), test, record.seconds(), record.imagesPerSecond());
    }
}
