package org.transferlab.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a dataset holds, known without loading it.
 *
 * @param classNames  the name of each class, indexed by label
 * @param splitSizes  the number of images in each split, e.g. {@code train} and {@code test}
 */
public record DatasetInfo(List<String> classNames, Map<String, Integer> splitSizes) {

    public DatasetInfo {
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames is null"));
        splitSizes = Map.copyOf(Objects.requireNonNull(splitSizes, "splitSizes is null"));
    }

    public int numClasses() {
        return classNames.size();
    }
}
