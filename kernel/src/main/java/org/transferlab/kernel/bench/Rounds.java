package org.transferlab.kernel.bench;

import java.util.Arrays;
import java.util.List;
import org.transferlab.api.data.ImageSet;

/** What the benchmarks share: the images they cycle through and the median of their rounds. */
final class Rounds {

    private Rounds() {
    }

    /** The first {@code count} images of {@code source}, repeated when it has fewer. */
    static ImageSet cycled(ImageSet source, int count) {
        int[] cycle = new int[count];
        Arrays.setAll(cycle, i -> i % source.count());
        return source.select(cycle);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
