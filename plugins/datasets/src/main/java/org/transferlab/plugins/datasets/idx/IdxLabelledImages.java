package org.transferlab.plugins.datasets.idx;

import java.util.Objects;

/**
 * Images and the label of each, read from a pair of IDX files whose counts agree.
 *
 * @param images  the images
 * @param labels  one label per image, 0–255
 */
public record IdxLabelledImages(IdxImages images, int[] labels) {

    public IdxLabelledImages {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(labels, "labels is null");
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.count() + " images");
        }
    }
}
