package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.engine.TrainingResult;
import org.transferlab.kernel.engine.Weights;

/**
 * One fine-tune timed both ways, round by round in turn: the whole network trained with its frozen parameters fixed,
 * and the suffix trained above the frozen prefix on features that the trainer computes once per image (their cost is
 * included). Both start from the same weights and shuffle alike, so they must also end with the same weights; the
 * largest difference is reported next to the speeds.
 */
public final class FineTuneBenchmark {

    /**
     * Median seconds of one whole fine-tune each way, of which preparing batches (converting images, or gathering
     * features), and the largest weight difference between the two.
     */
    public record Result(Cut cut, int imagesPerFineTune, double plainSeconds, double cachedSeconds,
                         double plainFeedSeconds, double cachedFeedSeconds, double largestWeightDifference) {

        public double plainImagesPerSecond() {
            return imagesPerFineTune / plainSeconds;
        }

        public double cachedImagesPerSecond() {
            return imagesPerFineTune / cachedSeconds;
        }

        public double speedUp() {
            return plainSeconds / cachedSeconds;
        }
    }

    private FineTuneBenchmark() {
    }

    public static Result run(Architecture architecture, Set<String> frozen, Cut cut, ImageSet training, ImageSet test,
                             Recipe recipe, int rounds, RuntimeOptions runtime) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(cut, "cut is null");
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be positive, got " + rounds);
        }
        Weights start = Weights.initialize(architecture, 1);
        OptimizerSettings optimizer = OptimizerSettings.from(recipe);
        List<Double> plain = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> plainFeed = new ArrayList<>();
        List<Double> cachedFeed = new ArrayList<>();
        double difference = 0;
        for (int round = 0; round < rounds; round++) {
            TrainingResult whole;
            try (Network network = Network.forTraining(architecture, start, optimizer, frozen, runtime)) {
                long begin = System.nanoTime();
                whole = new Trainer(recipe, TrainingListener.NONE).train(network, training, test, round);
                plain.add((System.nanoTime() - begin) / 1e9);
                plainFeed.add(feedSeconds(whole));
            }
            try (Network network = Network.forTrainingAbove(cut, architecture, start, optimizer, frozen, runtime)) {
                long begin = System.nanoTime();
                TrainingResult above = new Trainer(recipe, TrainingListener.NONE).train(network, training, test, round);
                cached.add((System.nanoTime() - begin) / 1e9);
                cachedFeed.add(feedSeconds(above));
                difference = Math.max(difference, largestDifference(whole.weights(), above.weights()));
            }
        }
        int images = recipe.epochsFor((training.count() + recipe.batchSize() - 1) / recipe.batchSize())
                * training.count();
        return new Result(cut, images, Rounds.median(plain), Rounds.median(cached), Rounds.median(plainFeed),
                Rounds.median(cachedFeed), difference);
    }

    private static double feedSeconds(TrainingResult result) {
        return result.history().stream().mapToDouble(EpochRecord::feedSeconds).sum();
    }

    private static double largestDifference(Weights a, Weights b) {
        double largest = 0;
        for (String name : a.names()) {
            float[] x = a.get(name).values();
            float[] y = b.get(name).values();
            for (int i = 0; i < x.length; i++) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]));
            }
        }
        return largest;
    }
}
