package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoggingTrainingListenerTest {

    @Test
    void logsOneReadableLinePerEpoch() {
        LoggingTrainingListener listener = new LoggingTrainingListener("pretrain/alexnet@kmnist");
        listener.trainingStarted(10, 469);
        assertEquals("pretrain/alexnet@kmnist epoch 3/10: lr 0.00100, loss 0.1235, train accuracy 96.50%, test accuracy 95.25%, "
                        + "12.3 s, 4878 images/s",
                listener.line(new EpochRecord(3, 0.123456, 0.965, 0.9525, 12.34, 4877.6, 1e-3, 0.1, 12.0)));
        assertEquals("pretrain/alexnet@kmnist epoch 3/10: lr 0.00100, loss 0.1235, train accuracy 96.50%, 12.3 s, 4878 images/s",
                listener.line(new EpochRecord(3, 0.123456, 0.965, Double.NaN, 12.34, 4877.6, 1e-3, 0.1, 12.0)));
    }
}
