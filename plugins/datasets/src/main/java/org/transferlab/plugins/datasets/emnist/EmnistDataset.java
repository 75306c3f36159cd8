package org.transferlab.plugins.datasets.emnist;

import java.io.IOException;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.SplitsReadOnce;
import org.transferlab.plugins.datasets.idx.IdxFormatException;
import org.transferlab.plugins.datasets.idx.IdxImages;

/** An opened EMNIST split whose files have been found; train and test are read when first asked for, then kept. */
final class EmnistDataset extends SplitsReadOnce {

    private final EmnistSplit split;
    private final boolean transpose;
    private final EmnistSource source;
    private final DatasetInfo info;

    EmnistDataset(EmnistSplit split, boolean transpose, EmnistSource source, DatasetInfo info) {
        this.split = split;
        this.transpose = transpose;
        this.source = source;
        this.info = info;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    protected ImageSet read(String name) throws IOException {
        Integer count = info.splitSizes().get(name);
        if (count == null) {
            throw new IllegalArgumentException("emnist has splits train and test, not '" + name + "'");
        }
        return load(name, count);
    }

    private ImageSet load(String part, int count) throws IOException {
        String labelsFile = split.labelsFile(part);
        int[] labels = source.readLabels(labelsFile, count);
        int classes = info.numClasses();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new IdxFormatException(source.path(labelsFile), "expected labels 0 to "
                        + (classes - 1) + " for the " + split.spelling() + " split of emnist, found " + labels[i]
                        + " at index " + i);
            }
        }
        IdxImages images = source.readImages(split.imagesFile(part), count);
        byte[] pixels = images.pixels();
        if (transpose) {
            transposeEach(pixels);
        }
        return new ImageSet(pixels, labels);
    }

    /** Swaps rows and columns of every 28×28 image in place. */
    static void transposeEach(byte[] pixels) {
        int side = ImageSet.SIDE;
        for (int base = 0; base < pixels.length; base += ImageSet.PIXELS) {
            for (int row = 0; row < side; row++) {
                for (int column = row + 1; column < side; column++) {
                    int a = base + row * side + column;
                    int b = base + column * side + row;
                    byte swap = pixels[a];
                    pixels[a] = pixels[b];
                    pixels[b] = swap;
                }
            }
        }
    }
}
