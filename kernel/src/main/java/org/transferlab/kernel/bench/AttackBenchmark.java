package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.engine.Network;

/**
 * Measures how fast attacks craft adversarial examples on one source model: {@link Attack#perturb} over the images in
 * batches, as a run's attack step calls it, without the predictions and files around it.
 *
 * <p>Each round runs every attack in turn, so that all attacks see the same machine state; the median round is
 * reported. The gradient evaluations per image are counted, not assumed, so any attack plugin can be measured.
 */
public final class AttackBenchmark {

    private static final long SEED = 1;

    /** What to measure: {@code images} images per attack and round, perturbed {@code batchSize} at a time. */
    public record Settings(int batchSize, int images, int rounds) {
        public Settings {
            if (batchSize < 1 || images < 1 || rounds < 1) {
                throw new IllegalArgumentException("batch, images and rounds must be positive");
            }
        }
    }

    /**
     * An attack and the name it is reported under; {@code stepsInGraph} false makes the source model take signed
     * gradient steps with {@link SourceModel}'s Java loop instead of the network's in-graph steps.
     */
    public record Named(String label, Attack attack, boolean stepsInGraph) {
        public Named {
            requireNonNull(label, "label is null");
            requireNonNull(attack, "attack is null");
        }

        public Named(String label, Attack attack) {
            this(label, attack, true);
        }
    }

    /**
     * Adversarial examples per second (median round) and the images through {@link SourceModel#lossGradient} per
     * attacked image.
     */
    public record Result(String label, double imagesPerSecond, double gradientsPerImage) {

        /** Images times gradient steps per second: what the source model sustains, comparable across attacks. */
        public double imageStepsPerSecond() {
            return imagesPerSecond * gradientsPerImage;
        }
    }

    private AttackBenchmark() {
    }

    /** Attacks {@code settings.images()} images of {@code source}, repeated when it has fewer, with their labels. */
    public static List<Result> run(Network network, ImageSet source, List<Named> attacks, Settings settings) {
        requireNonNull(network, "network is null");
        requireNonNull(source, "source is null");
        requireNonNull(attacks, "attacks is null");
        requireNonNull(settings, "settings is null");
        if (source.count() == 0 || attacks.isEmpty()) {
            throw new IllegalArgumentException("need images and at least one attack to measure");
        }
        ImageSet images = Rounds.cycled(source, settings.images());
        float[] pixels = images.toFloats();
        int[] labels = images.labels();
        CountingModel inGraph = new CountingModel(network, true);
        CountingModel javaLoop = new CountingModel(network, false);
        SplittableRandom random = new SplittableRandom(SEED);
        // Untimed: the first gradient call builds and optimises the session's gradient path.
        int warmup = Math.min(settings.batchSize(), images.count());
        for (Named named : attacks) {
            named.attack().perturb(named.stepsInGraph() ? inGraph : javaLoop, Arrays.copyOf(pixels, warmup * ImageSet.PIXELS),
                    Arrays.copyOf(labels, warmup), random.split());
        }
        List<List<Double>> rates = new ArrayList<>();
        long[] gradients = new long[attacks.size()];
        attacks.forEach(named -> rates.add(new ArrayList<>()));
        for (int round = 0; round < settings.rounds(); round++) {
            for (int a = 0; a < attacks.size(); a++) {
                CountingModel model = attacks.get(a).stepsInGraph() ? inGraph : javaLoop;
                model.reset();
                long start = System.nanoTime();
                perturbAll(attacks.get(a).attack(), model, pixels, labels, settings.batchSize(), random);
                rates.get(a).add(images.count() / ((System.nanoTime() - start) / 1e9));
                gradients[a] += model.gradientImages();
            }
        }
        List<Result> results = new ArrayList<>();
        for (int a = 0; a < attacks.size(); a++) {
            results.add(new Result(attacks.get(a).label(), Rounds.median(rates.get(a)),
                    (double) gradients[a] / ((long) settings.rounds() * images.count())));
        }
        return results;
    }

    private static void perturbAll(Attack attack, SourceModel model, float[] pixels, int[] labels, int batchSize,
                                   SplittableRandom random) {
        int n = labels.length;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            attack.perturb(model, Arrays.copyOfRange(pixels, from * ImageSet.PIXELS, to * ImageSet.PIXELS),
                    Arrays.copyOfRange(labels, from, to), random.split());
        }
    }

    /** The network, counting the images whose loss gradient attacks ask for. */
}
