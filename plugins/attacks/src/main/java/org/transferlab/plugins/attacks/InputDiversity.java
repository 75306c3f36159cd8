package org.transferlab.plugins.attacks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;

/**
 * Input diversity (Xie et al. 2019) for 28×28 images. With probability p, independently per image and step, the image
 * is transformed before the gradient is taken:
 *
 * <ol>
 *   <li>nearest-neighbour resize from 28×28 to r×r, r uniform in {28, 29, 30, 31};</li>
 *   <li>zero padding to a 31×31 canvas, the r×r image placed at a uniform offset (top, left) in {0, …, 31 − r}²;</li>
 *   <li>nearest-neighbour resize of the canvas back to 28×28, which the source model takes.</li>
 * </ol>
 *
 * Otherwise the image is left as it is. Every output pixel of this transform T is one input pixel or zero, so T is a
 * 0/1 matrix with at most one 1 per row: T x is a gather and Tᵀ y the matching scatter-add, exact and cheap. Since
 * the source model only differentiates with respect to its own input, the gradient at x is Tᵀ ∇L(T x).
 * Nearest-neighbour resizing maps output index o of an n-pixel axis to input index ⌊o·m/n⌋ of an m-pixel axis.
 */
final class InputDiversity {

    static final int SIDE = ImageSet.SIDE;
    static final int CANVAS = 31;

    private final double probability;

    InputDiversity(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("diversity probability must be in [0,1], got " + probability);
        }
        this.probability = probability;
    }

    double probability() {
        return probability;
    }

    /**
     * The transform for resized side {@code size} placed at ({@code top}, {@code left}) on the canvas, as the index of
     * the input pixel that each of the 28×28 output pixels shows, or −1 where it shows padding.
     */
    static int[] transform(int size, int top, int left) {
        if (size < SIDE || size > CANVAS || top < 0 || left < 0 || top + size > CANVAS || left + size > CANVAS) {
            throw new IllegalArgumentException("no " + size + "-pixel image fits at (" + top + ", " + left + ")");
        }
        int[] source = new int[SIDE * SIDE];
        for (int row = 0; row < SIDE; row++) {
            int resizedRow = row * CANVAS / SIDE - top;
            for (int column = 0; column < SIDE; column++) {
                int resizedColumn = column * CANVAS / SIDE - left;
                boolean inside = resizedRow >= 0 && resizedRow < size && resizedColumn >= 0 && resizedColumn < size;
                source[row * SIDE + column] = inside
                        ? (resizedRow * SIDE / size) * SIDE + resizedColumn * SIDE / size
                        : -1;
            }
        }
        return source;
    }

    /** T x for one image: {@code out[o] = in[source[o]]}, or 0 where the output shows padding. */
    static void apply(int[] source, float[] in, int inOffset, float[] out, int outOffset) {
        for (int o = 0; o < source.length; o++) {
            out[outOffset + o] = source[o] < 0 ? 0f : in[inOffset + source[o]];
        }
    }

    /** Tᵀ y for one image: every output pixel's value added back to the input pixel it showed. */
    static void adjoint(int[] source, float[] in, int inOffset, float[] out, int outOffset) {
        Arrays.fill(out, outOffset, outOffset + source.length, 0f);
        for (int o = 0; o < source.length; o++) {
            if (source[o] >= 0) {
                out[outOffset + source[o]] += in[inOffset + o];
            }
        }
    }

    /** The loss gradient at {@code images} through a freshly drawn transform per image: one model call for the batch. */
    float[] gradient(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
        int pixels = ImageSet.PIXELS;
        int[][] transforms = new int[labels.length][];
        boolean any = false;
        for (int n = 0; n < labels.length; n++) {
            if (probability > 0 && random.nextDouble() < probability) {
                int size = SIDE + random.nextInt(CANVAS - SIDE + 1);
                int top = random.nextInt(CANVAS - size + 1);
                int left = random.nextInt(CANVAS - size + 1);
                transforms[n] = transform(size, top, left);
                any = true;
            }
        }
        if (!any) {
            return model.lossGradient(images, labels);
        }
        float[] transformed = images.clone();
        for (int n = 0; n < labels.length; n++) {
            if (transforms[n] != null) {
                apply(transforms[n], images, n * pixels, transformed, n * pixels);
            }
        }
        float[] gradient = model.lossGradient(transformed, labels);
        float[] back = gradient.clone();
        for (int n = 0; n < labels.length; n++) {
            if (transforms[n] != null) {
                adjoint(transforms[n], gradient, n * pixels, back, n * pixels);
            }
        }
        return back;
    }
}
