package org.transferlab.plugins.datasets.svhn;

import java.net.URI;
import java.util.List;
import org.transferlab.api.data.DataFile;
import org.transferlab.plugins.datasets.files.DataFileLocator;
import org.transferlab.plugins.datasets.files.FilePerSplitProvider;
import org.transferlab.plugins.datasets.files.SplitFile;

/**
 * {@code svhn}: Street View House Numbers, cropped 32×32 colour digits, 73,257 train, 26,032 test and 531,131 extra
 * images, each split in one MAT-file found in {@code <root>/SVHN/} (where torchvision users usually point its SVHN
 * class) or {@code <root>/svhn/}. The extra split's file is looked for only when that split is asked for. Images are
 * converted to 28×28 gray as {@link SvhnMatFile} describes; classes are "0" to "9".
 */
public final class SvhnProvider extends FilePerSplitProvider {

    static final List<SplitFile> SPLITS = List.of(
            split("train", "train_32x32.mat", "e26dedcc434d2e4c54c9b2d4a06d8373", 73_257, false),
            split("test", "test_32x32.mat", "eb5a983be6a315427106f1b164d9cef3", 26_032, false),
            split("extra", "extra_32x32.mat", "a93ce644f1a588dc4d68dda5feec44a7", 531_131, true));

    public SvhnProvider() {
        this(SPLITS);
    }

    SvhnProvider(List<SplitFile> splits) {
        super("svhn",
                "Street View House Numbers, digits 0-9 made 28x28 gray, 73,257 train / 26,032 test / 531,131 extra"
                        + " (MAT-files)",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                new DataFileLocator("svhn", List.of("SVHN", "svhn"), List.of()),
                splits,
                SvhnMatFile::read);
    }

    /** The splits with other sizes; lets tests use small files. */
    static List<SplitFile> sized(int train, int test, int extra) {
        return List.of(SPLITS.get(0).withSize(train), SPLITS.get(1).withSize(test), SPLITS.get(2).withSize(extra));
    }

    private static SplitFile split(String split, String file, String md5, int size, boolean optional) {
        DataFile published = new DataFile(file, List.of(URI.create("http://ufldl.stanford.edu/housenumbers/" + file)), md5,
                null);
        return new SplitFile(split, published, size, optional);
    }
}
