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
                    "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"));

    public MnistProvider() {
        this(MNIST);
    }

    MnistProvider(MnistFamily family) {
        super(family);
    }
}
