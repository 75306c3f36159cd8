package org.transferlab.plugins.datasets.qmnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.SplitsReadOnce;
import org.transferlab.plugins.datasets.idx.IdxFormatException;
import org.transferlab.plugins.datasets.idx.IdxImages;
import org.transferlab.plugins.datasets.idx.IdxIntMatrix;
import org.transferlab.plugins.datasets.idx.IdxReader;

/**
 * An opened QMNIST; each split is read when first asked for, then kept. A label file is an int32 matrix with one row
 * of {@value #COLUMNS} values per image: the class (column 0, the label used here), the NIST HSF series, the writer's
 * id, the digit's index among that writer's, the NIST class code, and further bookkeeping of the reconstruction.
 */
final class QmnistDataset extends SplitsReadOnce {

    static final int COLUMNS = 8;

    private final DatasetInfo info;
    private final Map<String, Path> files;
    private final DataContext context;
    private final QmnistProvider provider;

    /**
     * @param files     the train and test files found; the nist files are looked for (and, when the context allows,
     *                  downloaded by {@code provider}) when that split is asked for
     */
    QmnistDataset(DatasetInfo info, Map<String, Path> files, DataContext context, QmnistProvider provider) {
        this.info = info;
        this.files = new HashMap<>(files);
        this.context = context;
        this.provider = provider;
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    protected ImageSet read(String name) throws IOException {
        return switch (name) {
            case "train" -> load(name, QmnistProvider.TRAIN_IMAGES, QmnistProvider.TRAIN_LABELS);
            case "test" -> load(name, QmnistProvider.TEST_IMAGES, QmnistProvider.TEST_LABELS);
            case "nist" -> {
                if (context.download()) {
                    provider.downloadMissing(context, List.of(4, 5));
                }
                files.putAll(QmnistProvider.LOCATOR.locate(context,
                        List.of(QmnistProvider.NIST_IMAGES, QmnistProvider.NIST_LABELS)));
                yield load(name, QmnistProvider.NIST_IMAGES, QmnistProvider.NIST_LABELS);
            }
            default -> throw new IllegalArgumentException(
                    "qmnist has splits train, test and nist, not '" + name + "'");
        };
    }

    private ImageSet load(String split, String imagesName, String labelsName) throws IOException {
        int count = info.splitSizes().get(split);
        Path labelsFile = files.get(labelsName);
        IdxIntMatrix records = IdxReader.readIntMatrix(labelsFile, count, IdxReader.ANY);
        if (records.columns() != COLUMNS) {
            throw new IdxFormatException(labelsFile, "expected QMNIST's extended labels, " + COLUMNS + " int32 values"
                    + " per image (class, NIST series, writer, ...), found " + records.columns() + " per image");
        }
        int[] labels = records.column(0);
        int classes = info.numClasses();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IdxFormatException(labelsFile, "expected classes 0 to " + (classes - 1) + " in column 0 for"
                        + " qmnist, found " + labels[i] + " at index " + i);
            }
        }
        IdxImages images = IdxReader.readImages(files.get(imagesName), count, ImageSet.SIDE, ImageSet.SIDE);
        return new ImageSet(images.pixels(), labels);
    }
}
