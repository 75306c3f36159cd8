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
            10_000,
            // torchvision's mirror and checksums.
            List.of("http://codh.rois.ac.jp/kmnist/dataset/kmnist/"),
            List.of("bdb82020997e1d708af4cf47b453dcf7", "e144d726b3acfaa3e44228e80efcd344",
                    "5c965bf0a639b31b8f53240b1b52f4d7", "7320c461ea6c1c855c0b718fb2a4b134"),
            // No decompressed-content checksums computed yet: copies in another form are checked by header and size.
            List.of());

    public KmnistProvider() {
        this(KMNIST);
    }

    KmnistProvider(MnistFamily family) {
        super(family);
    }
}
