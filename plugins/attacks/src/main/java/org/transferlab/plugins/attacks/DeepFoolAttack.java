package org.transferlab.plugins.attacks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;

/**
 * DeepFool (Moosavi-Dezfooli et al. 2016), L2, untargeted. Per image, with y the attacked class and the candidate
 * classes k fixed at the clean image: at the current point, w_k = ∇(z_k − z_y) and f_k = z_k − z_y; the nearest
 * linearised boundary is l = argmin |f_k| / ‖w_k‖, and the step r = (|f_l| + 10⁻⁴) / ‖w_l‖² · w_l reaches it. Steps
 * accumulate into r_total, and the next point is clip(x + (1 + overshoot)·r_total) to [0,1] (the reference leaves the
 * clipping out; here the point whose class is checked is the one returned). It stops when the model's class is no
 * longer y, or after max_iter steps; an image still classified as y then comes back clean (the reference returns its
 * last point), so that every returned example is adversarial or the clean image, as with {@code cw-l2}.
 *
 * <p>A batch walks together: each step calls the model's logits once and its logit gradient once per candidate class,
 * with weights e_k − e_y per image, for the images still classified as y only.
 */
final class DeepFoolAttack extends MinimumNormAttack {

    /** Added to |f_l| so that the step crosses the linearised boundary rather than stopping on it, as in the paper. */
    private static final double CROSSING = 1e-4;

    /** The options with their defaults applied; eps is null for an unbounded attack. */
    record Settings(Double eps, double overshoot, int maxIter, int candidates) {

        Settings {
            if (!(overshoot >= 0) || maxIter < 1 || candidates < 2) {
                throw new IllegalArgumentException("invalid DeepFool settings " + Arrays.asList(
                        eps, overshoot, maxIter, candidates));
            }
        }
    }

    private final Settings settings;

    DeepFoolAttack(Settings settings) {
        super(settings.eps());
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        int pixels = ImageSet.PIXELS;
        int count = labels.length;
        if (images.length != count * pixels) {
            throw new IllegalArgumentException(
                    images.length + " pixel values for " + count + " labels of " + pixels + " pixels");
        }
        int classes = model.numClasses();
        float[] logits = model.logits(images, count);
        int[][] others = new int[count][];
        for (int n = 0; n < count; n++) {
            others[n] = nearestClasses(logits, n, classes, labels[n], Math.min(settings.candidates(), classes) - 1);
        }
        float[] result = images.clone();
        float[] current = images.clone();
        double[] total = new double[images.length];
        int[] active = IntStream.range(0, count).toArray();
        int activeCount = count;
        for (int step = 0; ; step++) {
            int kept = 0;
            for (int r = 0; r < activeCount; r++) {
                int n = active[r];
                if (LogitRows.best(logits, r, classes) != labels[n]) {
                    record(n, current, images, result);
                } else if (step < settings.maxIter()) {
                    System.arraycopy(logits, r * classes, logits, kept * classes, classes);
                    active[kept++] = n;
                }
            }
            activeCount = kept;
            if (activeCount == 0) {
                return result;
            }
            float[] x = LogitRows.images(current, active, activeCount);
            Step nearest = nearestBoundary(model, x, logits, active, activeCount, labels, others);
            for (int r = 0; r < activeCount; r++) {
                int n = active[r];
                if (nearest.squaredNorm[r] == 0) {
                    continue; // no candidate's margin moves: no boundary to walk to; max_iter ends the image
                }
                double scale = (Math.abs(nearest.margin[r]) + CROSSING) / nearest.squaredNorm[r];
                for (int i = 0; i < pixels; i++) {
                    int p = n * pixels + i;
                    total[p] += scale * nearest.direction[r * pixels + i];
                    current[p] = (float) Math.min(1, Math.max(0, images[p] + (1 + settings.overshoot()) * total[p]));
                }
            }
            logits = model.logits(LogitRows.images(current, active, activeCount), activeCount);
        }
    }

    /** Keeps image n's current point as its example if it lies within eps; otherwise the image stays clean. */
    private void record(int n, float[] current, float[] clean, float[] result) {
        int pixels = ImageSet.PIXELS;
        if (admits(PgdL2Attack.squaredNorm(current, clean, n * pixels))) {
            System.arraycopy(current, n * pixels, result, n * pixels, pixels);
        }
    }

    /** The classes other than {@code label} by decreasing logit in row n, the first {@code count} of them. */
    static int[] nearestClasses(float[] logits, int n, int classes, int label, int count) {
        return IntStream.range(0, classes)
                .filter(k -> k != label)
                .boxed()
                .sorted(Comparator.comparingDouble(k -> -logits[n * classes + k]))
                .limit(count)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** For each active image the nearest linearised boundary: its w_l (row-major), f_l and ‖w_l‖². */
    private record Step(float[] direction, double[] margin, double[] squaredNorm) {
    }

    private static Step nearestBoundary(SourceModel model, float[] x, float[] logits, int[] active, int activeCount,
            int[] labels, int[][] others) {
        int pixels = ImageSet.PIXELS;
        int classes = model.numClasses();
        Step nearest = new Step(new float[activeCount * pixels], new double[activeCount], new double[activeCount]);
        double[] distance = new double[activeCount];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int rank = 0; rank < others[active[0]].length; rank++) {
            float[] weights = new float[activeCount * classes];
            for (int r = 0; r < activeCount; r++) {
                weights[r * classes + others[active[r]][rank]] = 1;
                weights[r * classes + labels[active[r]]] = -1;
            }
            float[] gradient = model.logitGradient(x, weights);
            for (int r = 0; r < activeCount; r++) {
                int n = active[r];
                double margin = (double) logits[r * classes + others[n][rank]] - logits[r * classes + labels[n]];
                double squares = PgdL2Attack.squaredNorm(gradient, null, r * pixels);
                double candidate = Math.abs(margin) / Math.sqrt(squares);
                if (squares > 0 && candidate < distance[r]) {
                    distance[r] = candidate;
                    nearest.margin[r] = margin;
                    nearest.squaredNorm[r] = squares;
                    System.arraycopy(gradient, r * pixels, nearest.direction, r * pixels, pixels);
                }
            }
        }
        return nearest;
    }
}
