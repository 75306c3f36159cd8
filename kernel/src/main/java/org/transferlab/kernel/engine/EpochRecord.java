package org.transferlab.kernel.engine;

/**
 * What one training epoch measured.
 *
 * @param epoch            1 for the first epoch
 * @param loss             mean training cross-entropy over the epoch's batches, weighted by batch size
 * @param trainAccuracy    fraction of training images classified correctly by the training-mode forward pass while the
 *                         epoch ran
 * @param testAccuracy     fraction of test images classified correctly in inference mode after the epoch; NaN without
 *                         a test set
 * @param seconds          wall time of the whole epoch, test evaluation included
 * @param imagesPerSecond  training images per second of training time
 * @param learningRate     the rate of the epoch's first step
 * @param feedSeconds      time spent preparing batches (converting images, copying them into tensors)
 * @param stepSeconds      time spent in training steps
 */
public record EpochRecord(int epoch, double loss, double trainAccuracy, double testAccuracy, double seconds,
                          double imagesPerSecond, double learningRate, double feedSeconds, double stepSeconds) {
}
