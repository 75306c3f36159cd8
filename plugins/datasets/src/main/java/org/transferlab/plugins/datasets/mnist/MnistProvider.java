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
            10_000);

    public MnistProvider() {
        this(MNIST);
    }

    MnistProvider(MnistFamily family) {
        super(family);
    }
}
