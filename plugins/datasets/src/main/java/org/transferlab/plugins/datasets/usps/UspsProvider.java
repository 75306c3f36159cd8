package org.transferlab.plugins.datasets.usps;

import java.net.URI;
import java.util.List;
import org.transferlab.api.data.DataFile;
import org.transferlab.plugins.datasets.files.DataFileLocator;
import org.transferlab.plugins.datasets.files.FilePerSplitProvider;
import org.transferlab.plugins.datasets.files.SplitFile;

/**
 * {@code usps}: the US Postal Service's handwritten digits, 16×16, 7,291 train and 2,007 test images, in libsvm's
 * bzip2-compressed copies found in {@code <root>/USPS/} (where torchvision users usually point its USPS class) or
 * {@code <root>/usps/}. Images are enlarged to 28×28 as {@link UspsLibsvmFile} describes; classes are "0" to "9".
 */
public final class UspsProvider extends FilePerSplitProvider {

    static final List<SplitFile> SPLITS = List.of(
            split("train", "usps.bz2", "ec16c51db3855ca6c91edd34d0e9b197", 7_291),
            split("test", "usps.t.bz2", "8ea070ee2aca1ac39742fdd1ef5ed118", 2_007));

    public UspsProvider() {
        this(SPLITS);
    }

    UspsProvider(List<SplitFile> splits) {
        super("usps",
                "US Postal Service handwritten digits 0-9, 16x16 made 28x28, 7,291 train / 2,007 test (libsvm, bzip2)",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                new DataFileLocator("usps", List.of("USPS", "usps"), List.of()),
                splits,
                UspsLibsvmFile::read);
    }

    /** The splits with other sizes; lets tests use small files. */
    static List<SplitFile> sized(int train, int test) {
        return List.of(SPLITS.get(0).withSize(train), SPLITS.get(1).withSize(test));
    }

    private static SplitFile split(String split, String file, String md5, int size) {
        DataFile published = new DataFile(file,
                List.of(URI.create("https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass/" + file)), md5,
                null);
        return new SplitFile(split, published, size, false);
    }
}
