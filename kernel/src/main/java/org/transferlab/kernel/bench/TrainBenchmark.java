package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.FlopCount;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.engine.Weights;

/**
 * Measures one model's training and inference speed under one runtime setting, in one process: the framework's own
 * training loop ({@link Trainer}: shuffling, uint8 → float conversion, tensor copies, the step) against a bare session
 * step fed the same pre-built tensors over and over, plus inference through {@link Network#predict}. Rounds alternate
 * between the two loops so that drift in the machine's speed affects both alike; the median round is reported.
 */
public final class TrainBenchmark {

    private static final float LEARNING_RATE = 1e-3f;

    /** What to measure. */
    public record Settings(int batchSize, int stepsPerRound, int rounds, int warmupSteps) {
        public Settings {
            if (batchSize < 1 || stepsPerRound < 1 || rounds < 1 || warmupSteps < 0) {
                throw new IllegalArgumentException("batch, steps and rounds must be positive, warm-up not negative");
            }
        }
    }

    /** Images per second of each loop (median round) and the framework loop's split into feeding and stepping. */
    public record Result(RuntimeOptions runtime, long forwardFlopsPerImage, double frameworkImagesPerSecond,
                         double bareImagesPerSecond, double feedFraction, double inferenceImagesPerSecond) {

        /** Framework throughput as a fraction of the bare step's. */
        public double frameworkRatio() {
            return frameworkImagesPerSecond / bareImagesPerSecond;
        }

        /** Training counts forward and backward as three forward passes, the usual estimate. */
        public double trainingGflops() {
            return 3.0 * forwardFlopsPerImage * frameworkImagesPerSecond / 1e9;
        }

        public double inferenceGflops() {
            return forwardFlopsPerImage * inferenceImagesPerSecond / 1e9;
        }
    }

    private TrainBenchmark() {
    }

    public static Result run(Architecture architecture, RuntimeOptions runtime, Settings settings) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(settings, "settings is null");
        long flops = FlopCount.total(FlopCount.forwardPerImage(architecture));
        int batch = settings.batchSize();
        ImageSet images = randomImages(batch * settings.stepsPerRound(), 10, 7);
        Recipe oneEpoch = new Recipe(1, batch, OptimizerKind.ADAM, (double) LEARNING_RATE, null, null);
        List<Double> framework = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> feedFractions = new ArrayList<>();
        List<Double> inference = new ArrayList<>();
        try (Network network = Network.forTraining(architecture, Weights.initialize(architecture, 1),
                OptimizerSettings.from(oneEpoch), Set.of(), runtime);
             Network.Batch fixed = network.batch(images.toFloats(firstIndices(batch)),
                     Arrays.copyOf(images.labels(), batch))) {
            for (int step = 0; step < settings.warmupSteps(); step++) {
                network.trainStep(fixed, LEARNING_RATE);
            }
            network.predict(images.select(firstIndices(batch)), batch);
            for (int round = 0; round < settings.rounds(); round++) {
                EpochRecord epoch = new Trainer(oneEpoch, TrainingListener.NONE).train(network, images, round)
                        .history().get(0);
                framework.add(epoch.imagesPerSecond());
                feedFractions.add(epoch.feedSeconds() / (epoch.feedSeconds() + epoch.stepSeconds()));

                long start = System.nanoTime();
                for (int step = 0; step < settings.stepsPerRound(); step++) {
                    network.trainStep(fixed, LEARNING_RATE);
                }
                bare.add((double) batch * settings.stepsPerRound() / ((System.nanoTime() - start) / 1e9));

                start = System.nanoTime();
                network.predict(images, batch);
                inference.add(images.count() / ((System.nanoTime() - start) / 1e9));
            }
        }
        return new Result(runtime, flops, median(framework), median(bare), median(feedFractions), median(inference));
    }

    /** Uniform random pixels and labels: speed does not depend on what the images show. */
    static ImageSet randomImages(int count, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        int[] labels = new int[count];
        Arrays.setAll(labels, i -> random.nextInt(classes));
        return new ImageSet(pixels, labels);
    }

    private static int[] firstIndices(int count) {
        int[] indices = new int[count];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
