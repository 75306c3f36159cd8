package org.transferlab.plugins.datasets.mnist;

import java.util.List;

/**
 * {@code kmnist}: Kuzushiji-MNIST, cursive Japanese hiragana, 60,000 train and 10,000 test. The classes are named by
 * their romanisation, as torchvision names them, so that names stay ASCII in reports and terminals; in order they are
 * the hiragana お き す つ な は ま や れ を (U+304A, U+304D, U+3059, U+3064, U+306A, U+306F, U+307E, U+3084, U+308C,
 * U+3092).
 */
public final class KmnistProvider extends MnistFamilyProvider {

    static final MnistFamily KMNIST = new MnistFamily(
            "kmnist",
            "KMNIST",
            "Kuzushiji-MNIST cursive hiragana in 10 classes, 60,000 train / 10,000 test (IDX files)",
            List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"),
            List.of(),
            60_000,
            10_000);

    public KmnistProvider() {
        this(KMNIST);
    }

    KmnistProvider(MnistFamily family) {
        super(family);
    }
}
