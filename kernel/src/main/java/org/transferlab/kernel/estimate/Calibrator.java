package org.transferlab.kernel.estimate;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.kernel.bench.CountingModel;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;

/**
 * Short measurements of one model's speeds on this machine, on random images: training steps at a batch size with a
 * frozen set, inference, input gradients, the time to build a network, and how many gradients an attack takes per
 * image. Speed does not depend on what the weights are, so the models are freshly initialised.
 */
final class Calibrator implements Measurements {

    /** Each speed is timed over at least this long, and at least {@link #MIN_STEPS} steps. */
    private static final double MIN_SECONDS = 1.0;
    private static final int MIN_STEPS = 3;
    private static final int WARMUP_STEPS = 2;
    private static final float LEARNING_RATE = 1e-3f;
    /** Images an attack is run on to count its gradients per image. */
    private static final int ATTACK_IMAGES = 8;
    /** Images whose features are computed to time the prefix and predictions from features. */
    private static final int FEATURE_IMAGES = 256;

    private final RuntimeOptions runtime;

    Calibrator(RuntimeOptions runtime) {
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    /** Training images per second at {@code batch} with {@code frozen} fixed, and the seconds to build the network. */
    @Override
    public double[] training(Architecture architecture, Set<String> frozen, Recipe recipe) {
        long built = System.nanoTime();
        try (Network network = Network.forTraining(architecture, Weights.initialize(architecture, 1),
                OptimizerSettings.from(recipe), frozen, runtime);
             Network.Batch batch = network.batch(images(recipe.batchSize()), labels(recipe.batchSize(), network))) {
            double setup = (System.nanoTime() - built) / 1e9;
            double perStep = time(() -> network.trainStep(batch, LEARNING_RATE));
            return new double[] {recipe.batchSize() / perStep, setup};
        }
    }

    /**
     * Training on features above {@code cut}: a step on one batch of features, the prefix's pass over a set of images
     * as the trainer computes it, and predictions from features, each in images per second, and the seconds to build
     * the network.
     */
    @Override
    public double[] trainingAbove(Architecture architecture, Set<String> frozen, Recipe recipe, Cut cut) {
        long built = System.nanoTime();
        try (Network network = Network.forTrainingAbove(cut, architecture, Weights.initialize(architecture, 1),
                OptimizerSettings.from(recipe), frozen, runtime)) {
            double setup = (System.nanoTime() - built) / 1e9;
            int count = Math.max(FEATURE_IMAGES, recipe.batchSize());
            ImageSet set = imageSet(count, network);
            double prefix = time(() -> network.source(set).close());
            int[] first = new int[recipe.batchSize()];
            Arrays.setAll(first, i -> i);
            try (Network.Source source = network.source(set); Network.Batch batch = source.batch(first)) {
                double perStep = time(() -> network.trainStep(batch, LEARNING_RATE));
                double predict = time(() -> source.predictions(recipe.batchSize()));
                return new double[] {recipe.batchSize() / perStep, setup, count / prefix, count / predict};
            }
        }
    }

    /** Inference and input-gradient images per second at {@code batch}, and the seconds to build the network. */
    @Override
    public double[] inference(Architecture architecture, int batch) {
        long built = System.nanoTime();
        try (Network network = Network.forInference(architecture, Weights.initialize(architecture, 1), runtime)) {
            double setup = (System.nanoTime() - built) / 1e9;
            float[] pixels = images(batch);
            int[] labels = labels(batch, network);
            double predict = time(() -> network.predict(pixels, batch));
            double gradient = time(() -> network.lossGradient(pixels, labels));
            return new double[] {batch / predict, batch / gradient, setup};
        }
    }

    /** Gradients (of the loss or of the logits) and logit evaluations per attacked image. */
    @Override
    public double[] attackWork(Architecture architecture, Supplier<Attack> attack) {
        try (Network network = Network.forInference(architecture, Weights.initialize(architecture, 1), runtime)) {
            CountingModel counting = new CountingModel(network, true);
            attack.get().perturb(counting, images(ATTACK_IMAGES), labels(ATTACK_IMAGES, network), new SplittableRandom(1));
            return new double[] {(double) counting.gradientImages() / ATTACK_IMAGES,
                (double) counting.logitImages() / ATTACK_IMAGES};
        }
    }

    /** Seconds per call, after warm-up calls, over at least {@link #MIN_SECONDS} and {@link #MIN_STEPS} calls. */
    private static double time(Runnable step) {
        for (int i = 0; i < WARMUP_STEPS; i++) {
            step.run();
        }
        long start = System.nanoTime();
        int calls = 0;
        while (calls < MIN_STEPS || System.nanoTime() - start < MIN_SECONDS * 1e9) {
            step.run();
            calls++;
        }
        return (System.nanoTime() - start) / 1e9 / calls;
    }

    private static float[] images(int count) {
        SplittableRandom random = new SplittableRandom(count);
        float[] pixels = new float[count * ImageSet.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return pixels;
    }

    private static ImageSet imageSet(int count, SourceModel model) {
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        new SplittableRandom(count).nextBytes(pixels);
        return new ImageSet(pixels, labels(count, model));
    }

    private static int[] labels(int count, SourceModel model) {
        int[] labels = new int[count];
        Arrays.setAll(labels, i -> i % model.numClasses());
        return labels;
    }
}
