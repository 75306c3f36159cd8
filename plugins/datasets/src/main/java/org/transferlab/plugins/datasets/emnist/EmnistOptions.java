package org.transferlab.plugins.datasets.emnist;

/**
 * Options of the {@code emnist} dataset.
 *
 * @param split      which of EMNIST's six splits; default {@code balanced}
 * @param transpose  whether to turn the images the right way round: EMNIST stores each image transposed relative to
 *                   MNIST (the pixel seen at row r, column c is stored at row c, column r); default true
 */
public record EmnistOptions(EmnistSplit split, Boolean transpose) {

    public EmnistSplit splitOrDefault() {
        return split == null ? EmnistSplit.BALANCED : split;
    }

    public boolean transposeOrDefault() {
        return transpose == null || transpose;
    }
}
