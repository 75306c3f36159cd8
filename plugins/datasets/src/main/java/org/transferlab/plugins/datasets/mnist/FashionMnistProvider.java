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
                    "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
            // SHA-256 of the four files decompressed: Debian's recompressed copies decompress to these bytes too.
            List.of("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    public FashionMnistProvider() {
        this(FASHION_MNIST);
    }

    FashionMnistProvider(MnistFamily family) {
        super(family);
    }
}
