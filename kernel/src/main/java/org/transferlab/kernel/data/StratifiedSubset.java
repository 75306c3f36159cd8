package org.transferlab.kernel.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses N images with the class proportions of the whole split. Each class's indices are shuffled with a generator
 * seeded from the seed and the class, the quota per class is rounded by largest remainder (ties to the smaller class
 * index), and the chosen indices are returned sorted — the same seed gives the same images on every machine.
 */
public final class StratifiedSubset {

    private StratifiedSubset() {
    }

    public static int[] select(int[] labels, int count, long seed) {
        if (count > labels.length) {
            throw new IllegalArgumentException("cannot take " + count + " images from a split of " + labels.length);
        }
        if (count == labels.length) {
            int[] all = new int[count];
            Arrays.setAll(all, i -> i);
            return all;
        }
        List<List<Integer>> byClass = byClass(labels);
        int classes = byClass.size();
        int[] quota = quotas(byClass, count, labels.length);
        int[] chosen = new int[count];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members, new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + c));
            System.arraycopy(members, 0, chosen, next, quota[c]);
            next += quota[c];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * The first {@code count} images of one stratified order of the split, which {@code seed} fixes: classes take turns
     * in proportion to their size (at each position, the class furthest below its share k·n_c/N goes next) and each
     * class's images come in an order the seed shuffles, as in {@link #select}. Every prefix is stratified (each class
     * within one image of its share), and each subset contains every smaller one drawn with the same seed.
     */
    public static int[] nested(int[] labels, int count, long seed) {
        if (count > labels.length) {
            throw new IllegalArgumentException("cannot take " + count + " images from a split of " + labels.length);
        }
        List<List<Integer>> byClass = byClass(labels);
        int classes = byClass.size();
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members[c], new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + c));
        }
        int[] taken = new int[classes];
        int[] chosen = new int[count];
        for (int k = 1; k <= count; k++) {
            int best = -1;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (taken[c] < members[c].length) {
                    double deficit = (double) k * members[c].length / labels.length - taken[c];
                    if (deficit > bestDeficit) {
                        bestDeficit = deficit;
                        best = c;
                    }
                }
            }
            chosen[k - 1] = members[best][taken[best]++];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** The images of each class, by label, in index order. */
    private static List<List<Integer>> byClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        return byClass;
    }

    private static int[] quotas(List<List<Integer>> byClass, int count, int total) {
        int classes = byClass.size();
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) count * byClass.get(c).size() / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < count) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass.get(c).size() && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return quota;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
