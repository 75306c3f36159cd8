package org.transferlab.plugins.attacks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.transferlab.api.attack.SourceModel;

/** Random linear problems on 784-pixel images and what the tests measure on them. */
final class Fixtures {

    static final int PIXELS = 784;

    private Fixtures() {
    }

    /**
     * A linear model with weights and biases from N(0, 0.02²) and images with pixels uniform in [0.35, 0.65], labelled
     * with the model's predictions. The images lie about one L2 unit from the decision boundary, far enough inside the
     * box that minimal perturbations (a few hundredths per pixel) never touch its faces.
     */
    record Problem(LinearModel model, float[] clean, int[] labels) {

        static Problem draw(long seed, int classes, int count) {
            SplittableRandom random = new SplittableRandom(seed);
            LinearModel model = randomModel(random, classes, 0.02);
            float[] clean = randomImages(random, count, 0.35, 0.65);
            return new Problem(model, clean, predictions(model, clean));
        }

        int count() {
            return labels.length;
        }

        /**
         * W_j − W_y, the normal of the hyperplane z_j = z_y toward class j, from the model's logit gradient (the same
         * everywhere for a linear model).
         */
        double[] normal(int y, int j) {
            float[] weights = new float[model.numClasses()];
            weights[j] = 1;
            weights[y] = -1;
            float[] gradient = model.logitGradient(new float[PIXELS], weights);
            double[] normal = new double[PIXELS];
            for (int i = 0; i < PIXELS; i++) {
                normal[i] = gradient[i];
            }
            return normal;
        }

        /** z_j − z_y at clean image n, for its label y: negative for every other class j. */
        double margin(int n, int j) {
            float[] logits = model.logits(Arrays.copyOfRange(clean, n * PIXELS, (n + 1) * PIXELS), 1);
            return (double) logits[j] - logits[labels[n]];
        }

        /** |z_j − z_y| / ‖W_j − W_y‖: the L2 distance from clean image n to the hyperplane z_j = z_y. */
        double distanceToHyperplane(int n, int j) {
            return Math.abs(margin(n, j)) / norm(normal(labels[n], j));
        }

        /**
         * The L2 distance from clean image n to the nearest point the model classifies otherwise, ignoring the box: the
         * misclassified region is the union of the half-spaces z_j ≥ z_y, so it is the distance to the nearest of those
         * hyperplanes.
         */
        double distanceToBoundary(int n) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < model.numClasses(); j++) {
                if (j != labels[n]) {
                    nearest = Math.min(nearest, distanceToHyperplane(n, j));
                }
            }
            return nearest;
        }

        /** For every image a class other than its label, uniformly. */
        int[] otherClasses(SplittableRandom random) {
            int[] others = new int[labels.length];
            for (int n = 0; n < others.length; n++) {
                int k = random.nextInt(model.numClasses() - 1);
                others[n] = k >= labels[n] ? k + 1 : k;
            }
            return others;
        }
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

    static double norm(double[] vector) {
        double squares = 0;
        for (double value : vector) {
            squares += value * value;
        }
        return Math.sqrt(squares);
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
