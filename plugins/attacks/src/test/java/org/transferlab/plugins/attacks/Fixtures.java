package org.transferlab.plugins.attacks;

import java.util.SplittableRandom;
import org.transferlab.api.attack.SourceModel;

/** Random linear problems on 784-pixel images and what the tests measure on them. */
final class Fixtures {

    static final int PIXELS = 784;

    private Fixtures() {
    }

    /** Weights and biases drawn from N(0, scale²). */
    static LinearModel randomModel(SplittableRandom random, int classes, double scale) {
        float[][] weights = new float[classes][PIXELS];
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < PIXELS; i++) {
                weights[k][i] = (float) (scale * random.nextGaussian());
            }
            bias[k] = (float) (scale * random.nextGaussian());
        }
        return new LinearModel(weights, bias);
    }

    static LinearModel randomModel(SplittableRandom random, int classes) {
        return randomModel(random, classes, 1.0);
    }

    /** Pixels uniform in [low, high). */
    static float[] randomImages(SplittableRandom random, int count, double low, double high) {
        float[] images = new float[count * PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return images;
    }

    static float[] randomImages(SplittableRandom random, int count) {
        return randomImages(random, count, 0, 1);
    }

    static int[] randomLabels(SplittableRandom random, int count, int classes) {
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(classes);
        }
        return labels;
    }

    /** The model's most likely class per image, the first on ties, as the kernel predicts. */
    static int[] predictions(SourceModel model, float[] images) {
        int count = images.length / PIXELS;
        float[] logits = model.logits(images, count);
        int k = model.numClasses();
        int[] classes = new int[count];
        for (int n = 0; n < count; n++) {
            for (int c = 1; c < k; c++) {
                if (logits[n * k + c] > logits[n * k + classes[n]]) {
                    classes[n] = c;
                }
            }
        }
        return classes;
    }

    /** The fraction of images whose prediction is the given class. */
    static double agreement(SourceModel model, float[] images, int[] classes) {
        int[] predicted = predictions(model, images);
        int same = 0;
        for (int n = 0; n < classes.length; n++) {
            same += predicted[n] == classes[n] ? 1 : 0;
        }
        return (double) same / classes.length;
    }

    /** ‖a − b‖₂ over image {@code n}, the difference taken in float as the kernel measures it. */
    static double l2Distance(float[] a, float[] b, int n) {
        double squares = 0;
        for (int i = n * PIXELS; i < (n + 1) * PIXELS; i++) {
            double d = a[i] - b[i];
            squares += d * d;
        }
        return Math.sqrt(squares);
    }
}
