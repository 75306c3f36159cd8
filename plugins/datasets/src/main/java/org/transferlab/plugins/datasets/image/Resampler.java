package org.transferlab.plugins.datasets.image;

import java.util.Arrays;

/**
 * Resizes square images with integer weights, so that every result is exact and identical on every machine. The same
 * weights apply to rows and to columns: a target pixel is {@code Σ w(row)·w(column)·value / D²}, rounded half up,
 * where the weights of one target index sum to {@code D}.
 *
 * <p>Two filters, each for the direction it suits:
 * <ul>
 *   <li>{@linkplain #area area averaging} for shrinking: a target pixel is the mean of the source area it covers, each
 *       source pixel weighted by the length of its overlap (PIL's {@code BOX}, OpenCV's {@code INTER_AREA}). From 32
 *       to 28, target pixel {@code j} covers source {@code [8j/7, 8(j+1)/7)}, so {@code D = 8}: target 0 is
 *       {@code (7·s0 + 1·s1) / 8}, target 1 is {@code (6·s1 + 2·s2) / 8}, and so on.</li>
 *   <li>{@linkplain #bilinear bilinear interpolation} for enlarging, with pixel centres at half-integers (OpenCV's
 *       {@code INTER_LINEAR}, PIL's {@code BILINEAR} when enlarging): target pixel {@code j} samples source position
 *       {@code x = (j + 1/2)·from/to − 1/2}, mixing the two nearest source pixels by distance; positions beyond the
 *       first or last pixel centre take that pixel. From 16 to 28, {@code x = (8j − 3)/14}, so {@code D = 14}.</li>
 * </ul>
 */
public final class Resampler {

    private final int from;
    private final int to;
    private final int denominator;
    private final int[] first;
    private final int[][] weights;

    private Resampler(int from, int to, int denominator, int[][] dense) {
        this.from = from;
        this.to = to;
        this.denominator = denominator;
        this.first = new int[to];
        this.weights = new int[to][];
        for (int j = 0; j < to; j++) {
            int low = 0;
            while (dense[j][low] == 0) {
                low++;
            }
            int high = from - 1;
            while (dense[j][high] == 0) {
                high--;
            }
            first[j] = low;
            weights[j] = Arrays.copyOfRange(dense[j], low, high + 1);
        }
    }

    /** Area averaging from {@code from × from} down to {@code to × to} pixels. */
    public static Resampler area(int from, int to) {
        checkSides(from, to);
        if (to > from) {
            throw new IllegalArgumentException("area averaging shrinks; use bilinear to enlarge " + from + " to " + to);
        }
        int common = gcd(from, to);
        int n = from / common;
        int m = to / common;
        // In units of 1/m source pixel, source pixel i spans [i·m, (i+1)·m) and target pixel j spans [j·n, (j+1)·n).
        int[][] dense = new int[to][from];
        for (int j = 0; j < to; j++) {
            for (int i = 0; i < from; i++) {
                dense[j][i] = Math.max(0, Math.min((j + 1) * n, (i + 1) * m) - Math.max(j * n, i * m));
            }
        }
        return new Resampler(from, to, n, dense);
    }

    /** Bilinear interpolation from {@code from × from} up to {@code to × to} pixels. */
    public static Resampler bilinear(int from, int to) {
        checkSides(from, to);
        if (to < from) {
            throw new IllegalArgumentException("bilinear interpolation without antialiasing enlarges; use area to shrink "
                    + from + " to " + to);
        }
        int common = gcd(from, to);
        int n = from / common;
        int m = to / common;
        int scale = 2 * m;
        int[][] dense = new int[to][from];
        for (int j = 0; j < to; j++) {
            int position = (2 * j + 1) * n - m; // x·2m
            int left = Math.floorDiv(position, scale);
            int fraction = position - left * scale;
            dense[j][clamp(left, from)] += scale - fraction;
            dense[j][clamp(left + 1, from)] += fraction;
        }
        return new Resampler(from, to, scale, dense);
    }

    private static void checkSides(int from, int to) {
        if (from < 1 || to < 1) {
            throw new IllegalArgumentException("image sides must be positive, got " + from + " and " + to);
        }
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    /** The weights of one axis summed by every target index; a target pixel divides by its square. */
    public int denominator() {
        return denominator;
    }

    /** The weight of source index {@code i} in target index {@code j}, out of {@link #denominator()}. */
    public int weight(int j, int i) {
        int t = i - first[j];
        return t >= 0 && t < weights[j].length ? weights[j][t] : 0;
    }

    /**
     * Resizes one image.
     *
     * @param source  {@code from × from} values, row-major, each in {@code [0, 255·scale]}; a value {@code v} stands for
     *                the intensity {@code v / scale}, which lets a caller pass exact fractions
     * @param scale   the denominator of the source values, at least 1
     * @param target  receives {@code to × to} uint8 pixels, row-major, from {@code offset}
     */
    public void resize(int[] source, int scale, byte[] target, int offset) {
        if (source.length != from * from) {
            throw new IllegalArgumentException("expected " + from + " x " + from + " values, got " + source.length);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        long[] rows = new long[to * from];
        for (int j = 0; j < to; j++) {
            int[] w = weights[j];
            for (int t = 0; t < w.length; t++) {
                int sourceRow = (first[j] + t) * from;
                for (int c = 0; c < from; c++) {
                    rows[j * from + c] += (long) w[t] * source[sourceRow + c];
                }
            }
        }
        long total = (long) denominator * denominator * scale;
        for (int j = 0; j < to; j++) {
            for (int k = 0; k < to; k++) {
                int[] w = weights[k];
                long sum = 0;
                for (int t = 0; t < w.length; t++) {
                    sum += w[t] * rows[j * from + first[k] + t];
                }
                target[offset + j * to + k] = (byte) ((2 * sum + total) / (2 * total));
            }
        }
    }
}
