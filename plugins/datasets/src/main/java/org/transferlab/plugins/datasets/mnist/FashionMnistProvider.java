package org.transferlab.plugins.datasets.mnist;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code fashion-mnist}: Zalando's clothing images, 60,000 train and 10,000 test. Besides the data root, the folder that
 * Debian's {@code dataset-fashion-mnist} package installs is searched.
 */
public final class FashionMnistProvider extends MnistFamilyProvider {

    static final MnistFamily FASHION_MNIST = new MnistFamily(
            "fashion-mnist",
            "FashionMNIST",
            "Zalando clothing articles in 10 classes, 60,000 train / 10,000 test (IDX files)",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            60_000,
            10_000);

    public FashionMnistProvider() {
        this(FASHION_MNIST);
    }

    FashionMnistProvider(MnistFamily family) {
        super(family);
    }
}
