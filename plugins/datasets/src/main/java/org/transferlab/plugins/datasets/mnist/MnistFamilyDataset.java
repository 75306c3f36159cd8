package org.transferlab.plugins.datasets.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.SplitsReadOnce;
import org.transferlab.plugins.datasets.idx.IdxFormatException;
import org.transferlab.plugins.datasets.idx.IdxImages;
import org.transferlab.plugins.datasets.idx.IdxLabelledImages;
import org.transferlab.plugins.datasets.idx.IdxReader;

/** An opened MNIST-like dataset whose files have been located; each split is read when first asked for, then kept. */
final class MnistFamilyDataset extends SplitsReadOnce {

    private final MnistFamily family;
    /** The copy to read of each file, by its published name. */
    private final Map<String, Path> files;
    private final DatasetInfo info;

    MnistFamilyDataset(MnistFamily family, Map<String, Path> files) {
        this.family = family;
        this.files = files;
        this.info = family.info();
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    protected ImageSet read(String name) throws IOException {
        return switch (name) {
            case "train" -> load(name, MnistFamily.TRAIN_IMAGES, MnistFamily.TRAIN_LABELS, family.trainSize());
            case "test" -> load(name, MnistFamily.TEST_IMAGES, MnistFamily.TEST_LABELS, family.testSize());
            default -> throw new IllegalArgumentException(
                    family.name() + " has splits train and test, not '" + name + "'");
        };
    }

    private ImageSet load(String split, String imagesName, String labelsName, int expectedCount) throws IOException {
        Path imagesFile = files.get(MnistFamily.published(imagesName));
        Path labelsFile = files.get(MnistFamily.published(labelsName));
        IdxLabelledImages read = IdxReader.readLabelledImages(imagesFile, labelsFile);
        IdxImages images = read.images();
        if (images.rows() != ImageSet.SIDE || images.columns() != ImageSet.SIDE) {
            throw new IdxFormatException(imagesFile, "expected " + ImageSet.SIDE + " x " + ImageSet.SIDE + " images for "
                    + family.name() + ", found " + images.rows() + " x " + images.columns());
        }
        if (images.count() != expectedCount) {
            throw new IdxFormatException(imagesFile, "expected " + expectedCount + " images in the " + split
                    + " split of " + family.name() + ", found " + images.count());
        }
        int[] labels = read.labels();
        int classes = family.classNames().size();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new IdxFormatException(labelsFile, "expected labels 0 to " + (classes - 1) + " for "
                        + family.name() + ", found " + labels[i] + " at index " + i);
            }
        }
        return new ImageSet(images.pixels(), labels);
    }
}
