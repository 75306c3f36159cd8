package org.transferlab.plugins.attacks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.api.data.ImageSet;

/**
 * Carlini &amp; Wagner's L2 attack (2017). Per image it minimises ‖x′ − x‖² + c·f(x′) over x′ = (tanh w + 1)/2, which
 * keeps x′ in [0,1] without clipping, by Adam on w from w₀ = atanh((2x − 1)·0.999999); the factor keeps w finite at
 * black and white pixels, so x′ starts within 5·10⁻⁷ of x. The margin f is max(z_a − z_b, −κ) with (a, b) = (y, the
 * best other class) untargeted and (the best other class, t) targeted, so its gradient is the logit gradient with
 * weights c·(e_a − e_b) wherever it is above −κ, and zero where it is clamped.
 *
 * <p>The constant c is binary-searched per image as in the authors' code: after each search step, success (any iterate
 * with margin below −κ) makes c the upper bound, failure the lower bound; c is then bisected, or multiplied by 10 while
 * the upper bound is still {@value #NO_UPPER_BOUND}. Adam restarts from w₀ at every search step. The result is the
 * smallest successful iterate over all search steps, within eps when one is set, or the clean image if there is none.
 * Early abort works per image: an image leaves its search step when its loss has not fallen by 0.01% since the last
 * check, every tenth of the steps (the authors' code stops the whole batch).
 */
final class CwL2Attack extends MinimumNormAttack {

    /** The authors' "no successful c yet" bound; c is bisected only below 10⁹. */
    static final double NO_UPPER_BOUND = 1e10;
    private static final double TANH_SHRINK = 0.999999;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    /** The options with their defaults applied; eps is null for an unbounded attack. */
    record Settings(Double eps, double confidence, double initialConst, int binarySearchSteps, int steps,
            double learningRate, boolean abortEarly) {

        Settings {
            if (!(confidence >= 0) || !(initialConst > 0) || binarySearchSteps < 1
                    || steps < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("invalid C&W settings " + Arrays.asList(
                        eps, confidence, initialConst, binarySearchSteps, steps, learningRate));
            }
        }
    }

    private final Settings settings;
    private final TargetMode target;

    CwL2Attack(Settings settings, TargetMode target) {
        super(settings.eps());
        this.settings = settings;
        this.target = target == null ? TargetMode.UNTARGETED : target;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public TargetMode targetMode() {
        return target;
    }

    @Override
    public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        return new Search(model, images, labels, false).run();
    }

    @Override
    public float[] perturbToward(SourceModel model, float[] images, int[] targets, SplittableRandom random) {
        return new Search(model, images, targets, true).run();
    }

    /** The state of one batch's attack: the search over c per image and the best example found so far. */
    private final class Search {

        private final SourceModel model;
        private final float[] clean;
        private final int[] classes;
        private final boolean targeted;
        private final int count;
        private final int numClasses;
        private final float[] best;
        private final double[] bestSquares;
        private final double[] constant;
        private final double[] lower;
        private final double[] upper;
        private final double[] w;
        private final double[] tanh;
        private final double[] m;
        private final double[] v;

        Search(SourceModel model, float[] images, int[] classes, boolean targeted) {
            if (images.length != classes.length * ImageSet.PIXELS) {
                throw new IllegalArgumentException(images.length + " pixel values for " + classes.length
                        + " images of " + ImageSet.PIXELS + " pixels");
            }
            if (model.numClasses() < 2) {
                throw new IllegalArgumentException("C&W needs a model with two or more classes");
            }
            this.model = model;
            this.clean = images;
            this.classes = classes;
            this.targeted = targeted;
            this.count = classes.length;
            this.numClasses = model.numClasses();
            this.best = images.clone();
            this.bestSquares = filled(count, Double.POSITIVE_INFINITY);
            this.constant = filled(count, settings.initialConst());
            this.lower = new double[count];
            this.upper = filled(count, NO_UPPER_BOUND);
            this.w = new double[images.length];
            this.tanh = new double[images.length];
            this.m = new double[images.length];
            this.v = new double[images.length];
        }

        float[] run() {
            int searches = settings.binarySearchSteps();
            for (int search = 0; search < searches; search++) {
                if (searches >= 10 && search == searches - 1) {
                    System.arraycopy(upper, 0, constant, 0, count);
                }
                boolean[] succeeded = descend();
                for (int n = 0; n < count; n++) {
                    if (succeeded[n]) {
                        upper[n] = Math.min(upper[n], constant[n]);
                    } else {
                        lower[n] = Math.max(lower[n], constant[n]);
                    }
                    if (upper[n] < 1e9) {
                        constant[n] = (lower[n] + upper[n]) / 2;
                    } else if (!succeeded[n]) {
                        constant[n] *= 10;
                    }
                }
            }
            return best;
        }

        /** One search step: Adam from w₀ with the current constants; returns which images had a successful iterate. */
        private boolean[] descend() {
            int pixels = ImageSet.PIXELS;
            for (int i = 0; i < w.length; i++) {
                w[i] = atanh((2.0 * clean[i] - 1) * TANH_SHRINK);
            }
            Arrays.fill(m, 0);
            Arrays.fill(v, 0);
            boolean[] succeeded = new boolean[count];
            double[] previousLoss = filled(count, Double.POSITIVE_INFINITY);
            int checkEvery = Math.max(1, settings.steps() / 10);
            int[] active = new int[count];
            Arrays.setAll(active, n -> n);
            int activeCount = count;
            for (int step = 0; step < settings.steps() && activeCount > 0; step++) {
                float[] x = new float[activeCount * pixels];
                double[] squares = new double[activeCount];
                for (int r = 0; r < activeCount; r++) {
                    int n = active[r];
                    for (int i = 0; i < pixels; i++) {
                        double t = Math.tanh(w[n * pixels + i]);
                        tanh[n * pixels + i] = t;
                        x[r * pixels + i] = (float) ((t + 1) / 2);
                        double d = x[r * pixels + i] - clean[n * pixels + i];
                        squares[r] += d * d;
                    }
                }
                float[] logits = model.logits(x, activeCount);
                float[] weights = new float[activeCount * numClasses];
                int[] stepping = new int[activeCount];
                int steppingCount = 0;
                for (int r = 0; r < activeCount; r++) {
                    int n = active[r];
                    int other = LogitRows.bestOther(logits, r, numClasses, classes[n]);
                    int down = targeted ? other : classes[n];
                    int up = targeted ? classes[n] : other;
                    double margin = (double) logits[r * numClasses + down] - logits[r * numClasses + up];
                    if (margin < -settings.confidence()) {
                        succeeded[n] = true;
                        record(n, x, r, squares[r]);
                    }
                    double loss = squares[r] + constant[n] * Math.max(margin, -settings.confidence());
                    if (settings.abortEarly() && step % checkEvery == 0) {
                        if (loss > previousLoss[n] * 0.9999) {
                            continue;
                        }
                        previousLoss[n] = loss;
                    }
                    if (margin > -settings.confidence()) {
                        weights[steppingCount * numClasses + down] = (float) constant[n];
                        weights[steppingCount * numClasses + up] = (float) -constant[n];
                    }
                    stepping[steppingCount++] = r;
                }
                if (steppingCount < activeCount) {
                    x = LogitRows.images(x, stepping, steppingCount);
                    weights = Arrays.copyOf(weights, steppingCount * numClasses);
                    for (int s = 0; s < steppingCount; s++) {
                        active[s] = active[stepping[s]];
                    }
                    activeCount = steppingCount;
                }
                if (activeCount > 0) {
                    adam(step + 1, active, activeCount, x, model.logitGradient(x, weights));
                }
            }
            return succeeded;
        }

        /** Keeps row {@code r} of {@code x} as image n's example if it is the smallest so far and within eps. */
        private void record(int n, float[] x, int r, double squares) {
            if (squares < bestSquares[n] && admits(squares)) {
                bestSquares[n] = squares;
                System.arraycopy(x, r * ImageSet.PIXELS, best, n * ImageSet.PIXELS, ImageSet.PIXELS);
            }
        }

        /**
         * One Adam step on w for the active images, given ∇ₓ of c·f at x′: the loss gradient in x′ is 2(x′ − x) + that,
         * and dx′/dw = (1 − tanh² w)/2.
         */
        private void adam(int t, int[] active, int activeCount, float[] x, float[] marginGradient) {
            int pixels = ImageSet.PIXELS;
            double rate = settings.learningRate() * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int r = 0; r < activeCount; r++) {
                int n = active[r];
                for (int i = 0; i < pixels; i++) {
                    int p = n * pixels + i;
                    double inX = 2.0 * (x[r * pixels + i] - clean[p]) + marginGradient[r * pixels + i];
                    double g = inX * (1 - tanh[p] * tanh[p]) / 2;
                    m[p] = BETA1 * m[p] + (1 - BETA1) * g;
                    v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
                    w[p] -= rate * m[p] / (Math.sqrt(v[p]) + ADAM_EPSILON);
                }
            }
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }
}
