package org.transferlab.plugins.datasets.synthetic;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.ImageSet;

/**
 * Procedurally drawn glyphs. Labels cycle through the classes so that every split is balanced; each image gets its own
 * generator derived from (seed, split, index), so an image never depends on how many others were drawn.
 */
final class SyntheticDataset implements Dataset {

    private static final long TRAIN_STREAM = 0x7472_6169_6e00L;
    private static final long TEST_STREAM = 0x7465_7374_0000L;

    private final SyntheticOptions options;
    private final DatasetInfo info;
    private final Map<String, ImageSet> splits = new ConcurrentHashMap<>();

    SyntheticDataset(SyntheticOptions options) {
        this.options = options;
        this.info = describe(options);
    }

    static DatasetInfo describe(SyntheticOptions options) {
        return new DatasetInfo(Glyphs.CLASS_NAMES, Map.of("train", options.trainOrDefault(), "test", options.testOrDefault()));
    }

    @Override
    public DatasetInfo info() {
        return info;
    }

    @Override
    public ImageSet split(String name) {
        return switch (name) {
            case "train" -> splits.computeIfAbsent(name, n -> draw(options.trainOrDefault(), TRAIN_STREAM));
            case "test" -> splits.computeIfAbsent(name, n -> draw(options.testOrDefault(), TEST_STREAM));
            default -> throw new IllegalArgumentException("synthetic has splits train and test, not '" + name + "'");
        };
    }

    private ImageSet draw(int count, long stream) {
        int classes = Glyphs.CLASS_NAMES.size();
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        int[] labels = new int[count];
        SplittableRandom root = new SplittableRandom(options.seedOrDefault() ^ stream ^ options.styleOrDefault().ordinal());
        long base = root.nextLong();
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            SplittableRandom random = new SplittableRandom(base + 0x9E37_79B9_7F4A_7C15L * i);
            GlyphRenderer.render(labels[i], options.styleOrDefault(), random, pixels, i * ImageSet.PIXELS);
        }
        return new ImageSet(pixels, labels);
    }
}
