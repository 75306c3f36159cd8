package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
 * Measures one model's training and inference speed under several runtime settings, in one process: the framework's
 * own training loop ({@link Trainer}: shuffling, uint8 → float conversion, tensor copies, the step) against a bare
 * session step fed the same pre-built tensors over and over, plus inference through {@link Network#predict}.
 *
 * <p>Every setting's network is open at once and each round measures every setting in turn, so that loops and
 * settings see the same machine state; the median round is reported. TensorFlow sizes its CPU thread pools once per
 * process, from the first session, so the settings compared in one run should share their thread count.
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

    /**
     * Images per second of each loop (median round); {@code feedFraction} is the framework loop's time preparing
     * batches as a fraction of its time in training steps.
     */
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

    /** Measures on {@code batch × steps} images of {@code source}, repeated when it has fewer. */
    public static List<Result> run(Architecture architecture, ImageSet source, List<RuntimeOptions> runtimes,
                                   Settings settings) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(source, "source is null");
        requireNonNull(runtimes, "runtimes is null");
        requireNonNull(settings, "settings is null");
        if (source.count() == 0 || runtimes.isEmpty()) {
            throw new IllegalArgumentException("need images and at least one runtime setting to measure");
        }
        long flops = FlopCount.total(FlopCount.forwardPerImage(architecture));
        ImageSet images = Rounds.cycled(source, settings.batchSize() * settings.stepsPerRound());
        List<Setting> open = new ArrayList<>();
        try {
            for (RuntimeOptions runtime : runtimes) {
                open.add(new Setting(architecture, runtime, images, settings));
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (Setting setting : open) {
                    setting.measureRound(round);
                }
            }
            return open.stream().map(setting -> setting.result(flops)).toList();
        } finally {
            open.forEach(Setting::close);
        }
    }

    /** One runtime setting's network, its fixed batch and its measurements. */
    private static final class Setting implements AutoCloseable {
        private final RuntimeOptions runtime;
        private final ImageSet images;
        private final Settings settings;
        private final Recipe oneEpoch;
        private final Network network;
        private final Network.Batch fixed;
        private final List<Double> framework = new ArrayList<>();
        private final List<Double> bare = new ArrayList<>();
        private final List<Double> feedFractions = new ArrayList<>();
        private final List<Double> inference = new ArrayList<>();

        Setting(Architecture architecture, RuntimeOptions runtime, ImageSet images, Settings settings) {
            this.runtime = runtime;
            this.images = images;
            this.settings = settings;
            int batch = settings.batchSize();
            oneEpoch = new Recipe(1, batch, OptimizerKind.ADAM, (double) LEARNING_RATE, null, null);
            network = Network.forTraining(architecture, Weights.initialize(architecture, 1),
                    OptimizerSettings.from(oneEpoch), Set.of(), runtime);
            int[] first = new int[batch];
            Arrays.setAll(first, i -> i);
            try {
                fixed = network.batch(images.toFloats(first), Arrays.copyOf(images.labels(), batch));
                for (int step = 0; step < settings.warmupSteps(); step++) {
                    network.trainStep(fixed, LEARNING_RATE);
                }
                network.predict(images.select(first), batch);
            } catch (RuntimeException e) {
                network.close();
                throw e;
            }
        }

        void measureRound(int round) {
            EpochRecord epoch = new Trainer(oneEpoch, TrainingListener.NONE).train(network, images, round)
                    .history().get(0);
            framework.add(epoch.imagesPerSecond());
            feedFractions.add(epoch.feedSeconds() / epoch.stepSeconds());

            long start = System.nanoTime();
            for (int step = 0; step < settings.stepsPerRound(); step++) {
                network.trainStep(fixed, LEARNING_RATE);
            }
            bare.add((double) settings.batchSize() * settings.stepsPerRound() / ((System.nanoTime() - start) / 1e9));

            start = System.nanoTime();
            network.predict(images, settings.batchSize());
            inference.add(images.count() / ((System.nanoTime() - start) / 1e9));
        }

        Result result(long flops) {
            return new Result(runtime, flops, Rounds.median(framework), Rounds.median(bare),
                    Rounds.median(feedFractions), Rounds.median(inference));
        }

        @Override
        public void close() {
            try {
                fixed.close();
            } finally {
                network.close();
            }
        }
    }
}
