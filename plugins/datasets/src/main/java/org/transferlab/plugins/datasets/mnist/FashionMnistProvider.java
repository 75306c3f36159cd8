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
            10_000,
            // torchvision's mirror and checksums; Debian's copies are recompressed, so their bytes differ.
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            List.of("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                    "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"));

    public FashionMnistProvider() {
        this(FASHION_MNIST);
    }

    FashionMnistProvider(MnistFamily family) {
        super(family);
    }
}
