package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.Recipe;

/**
 * The training loop: seeded shuffling, mini-batches converted to floats one at a time, per-epoch measurements. A
 * requested {@link Cancellation} stops it before the next step with a {@link CancelledException}.
 */
public final class Trainer {

    private final Recipe recipe;
    private final TrainingListener listener;
    private final Cancellation cancellation;

    public Trainer(Recipe recipe, TrainingListener listener) {
        this(recipe, listener, new Cancellation());
    }

    public Trainer(Recipe recipe, TrainingListener listener, Cancellation cancellation) {
        this.recipe = requireNonNull(recipe, "recipe is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.cancellation = requireNonNull(cancellation, "cancellation is null");
    }

    /** Trains for the recipe's epochs (or steps) without a test set. */
    public TrainingResult train(Network network, ImageSet training, long seed) {
        return run(network, training, null, seed);
    }

    /** Trains for the recipe's epochs, measuring accuracy on {@code test} after each. */
    public TrainingResult train(Network network, ImageSet training, ImageSet test, long seed) {
        return run(network, training, requireNonNull(test, "test is null"), seed);
    }

    private TrainingResult run(Network network, ImageSet training, ImageSet test, long seed) {
        requireNonNull(network, "network is null");
        requireNonNull(training, "training is null");
        if (training.count() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int batchSize = recipe.batchSize();
        int batches = (training.count() + batchSize - 1) / batchSize;
        LearningRates rates = new LearningRates(recipe, batches);
        int epochs = recipe.epochsFor(batches);
        long totalSteps = rates.totalSteps();
        listener.trainingStarted(epochs, batches);
        try (Network.Source trainingSource = network.source(training);
             Network.Source testSource = test == null || test.count() == 0 ? null : network.source(test)) {
            List<EpochRecord> history = new ArrayList<>();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] order = shuffledOrder(training.count(), seed, epoch);
                long remaining = totalSteps - (long) (epoch - 1) * batches;
                if (remaining < batches) {
                    order = Arrays.copyOf(order, (int) Math.min(order.length, remaining * batchSize));
                }
                history.add(runEpoch(network, trainingSource, testSource, epoch, order, rates,
                        (long) (epoch - 1) * batches));
                listener.epochFinished(history.get(history.size() - 1));
            }
            return new TrainingResult(network.snapshot(), history);
        } finally {
            listener.trainingEnded();
        }
    }

    private EpochRecord runEpoch(Network network, Network.Source training, Network.Source test, int epoch,
                                 int[] order, LearningRates rates, long firstStep) {
        long start = System.nanoTime();
        int batchSize = recipe.batchSize();
        double lossSum = 0;
        long correct = 0;
        long feedNanos = 0;
        long stepNanos = 0;
        long step = firstStep;
        for (int from = 0, batch = 1; from < order.length; from += batchSize, batch++, step++) {
            cancellation.check();
            long feedStart = System.nanoTime();
            int[] indices = Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
            StepResult result;
            try (Network.Batch tensors = training.batch(indices)) {
                long stepStart = System.nanoTime();
                feedNanos += stepStart - feedStart;
                result = network.trainStep(tensors, rates.rate(step));
                stepNanos += System.nanoTime() - stepStart;
            }
            lossSum += (double) result.loss() * indices.length;
            correct += result.correct();
            listener.batchFinished(epoch, batch, result);
        }
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        double testAccuracy = test == null ? Double.NaN : accuracy(test);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochRecord(epoch, lossSum / order.length, (double) correct / order.length, testAccuracy, seconds,
                order.length / trainingSeconds, rates.rate(firstStep), feedNanos / 1e9, stepNanos / 1e9);
    }

    private double accuracy(Network.Source test) {
        int[] predictions = test.predictions(recipe.batchSize());
        int[] labels = test.labels();
        long correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / predictions.length;
    }

    /** Fisher–Yates with a stream seeded per epoch, so an epoch's order depends only on the seed and its number. */
    static int[] shuffledOrder(int count, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "shuffle/epoch-" + epoch));
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
