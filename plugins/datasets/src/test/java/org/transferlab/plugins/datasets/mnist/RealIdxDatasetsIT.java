package org.transferlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.files.MissingDataFilesException;

/**
 * Reads the real MNIST and Fashion-MNIST through their plugins from the default data root {@code ~/.transferlab/data}
 * (Fashion-MNIST also from Debian's {@code /usr/share/datasets/fashion-mnist}). Skipped when the files are absent,
 * unless {@code TRANSFERLAB_REQUIRE_REAL_DATA=1}, which turns absence into a failure.
 *
 * <p>The checksums are SHA-256 of the image bytes and of the label bytes in file order, computed outside Java from the
 * decompressed files without their headers, e.g. {@code tail -c +17 train-images-idx3-ubyte | sha256sum} (labels:
 * {@code tail -c +9}); a match shows every pixel is read, in the file's order and orientation.
 */
class RealIdxDatasetsIT {

    private static final Path DATA_ROOT = Path.of(System.getProperty("user.home"), ".transferlab", "data");
    private static final boolean REQUIRED = "1".equals(System.getenv("TRANSFERLAB_REQUIRE_REAL_DATA"));
    private static final Map<String, Dataset> OPENED = new HashMap<>();

    private static Dataset open(MnistFamilyProvider provider) throws IOException {
        Dataset dataset = OPENED.get(provider.name());
        if (dataset == null) {
            try {
                dataset = provider.open(new NoOptions(), new DataContext(DATA_ROOT, false));
            } catch (MissingDataFilesException e) {
                String message = "real " + provider.name() + " data is absent; " + e.getMessage();
                if (REQUIRED) {
                    fail("TRANSFERLAB_REQUIRE_REAL_DATA=1 but " + message, e);
                }
                Assumptions.abort(message);
            }
            OPENED.put(provider.name(), dataset);
        }
        return dataset;
    }

    private static void assertSplit(ImageSet images, int[] histogram, int firstLabel, String pixelsSha256, String labelsSha256) {
        assertEquals(sum(histogram), images.count());
        int[] counts = new int[histogram.length];
        for (int label : images.labels()) {
            counts[label]++;
        }
        assertArrayEquals(histogram, counts, "images per class");
        assertEquals(firstLabel, images.labels()[0], "label of the first image");
        assertEquals(pixelsSha256, sha256(images.pixels()), "SHA-256 of the pixels");
        byte[] labelBytes = new byte[images.count()];
        for (int i = 0; i < labelBytes.length; i++) {
            labelBytes[i] = (byte) images.labels()[i];
        }
        assertEquals(labelsSha256, sha256(labelBytes), "SHA-256 of the labels");
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static int[] uniform(int perClass) {
        int[] histogram = new int[10];
        Arrays.fill(histogram, perClass);
        return histogram;
    }

    @Test
    void mnistTrainHasTheKnownImagesAndLabels() throws IOException {
        assertSplit(open(new MnistProvider()).split("train"),
                new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                5,
                "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
                "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13");
    }

    @Test
    void mnistTestHasTheKnownImagesAndLabels() throws IOException {
        assertSplit(open(new MnistProvider()).split("test"),
                new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                7,
                "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
                "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5");
    }

    @Test
    void fashionMnistTrainHasTheKnownImagesAndLabels() throws IOException {
        assertSplit(open(new FashionMnistProvider()).split("train"),
                uniform(6000),
                9,
                "2e487a6c89124f78f2d7521542223cafe96f7123c3ca13d447772ac6ecbb3012",
                "657fbd221bfc9f4198cc14b5619cc33ec57c58dd0e47af4d99d6650759e869a7");
    }

    @Test
    void fashionMnistTestHasTheKnownImagesAndLabels() throws IOException {
        assertSplit(open(new FashionMnistProvider()).split("test"),
                uniform(1000),
                9,
                "c867c93ff95360594e8ec3287995350b824dd110b11595c0e13d5423f621867a",
                "3d0e6c6ea990b53b6f8f500a41cac93881d981b315f84578b7d915342ade01e9");
    }
}
