package org.transferlab.plugins.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.ImageSet;

class SyntheticDatasetTest {

    private static final DataContext NO_FILES = new DataContext(Path.of("unused"), false);

    private static ImageSet train(Style style, long seed) throws Exception {
        Dataset dataset = new SyntheticProvider().open(new SyntheticOptions(style, 200, 50, seed), NO_FILES);
        return dataset.split("train");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void sameSeedGivesTheSamePixelsOnEveryMachine() throws Exception {
        // Pinned so that a change to the renderer, or a platform-dependent result, shows up as a failure.
        assertEquals("59a4e268dda3d5c6ccae1a4ae72e889d095be117e14f471f16258473c2065e4a", sha256(train(Style.STROKE, 7).pixels()));
    }

    @Test
    void differentSeedsDrawDifferentImages() throws Exception {
        assertFalse(java.util.Arrays.equals(train(Style.STROKE, 1).pixels(), train(Style.STROKE, 2).pixels()));
    }

    @Test
    void stylesAreDistinctDomainsOfTheSameClasses() throws Exception {
        ImageSet stroke = train(Style.STROKE, 3);
        ImageSet inverted = train(Style.INVERTED, 3);
        assertArrayEquals(stroke.labels(), inverted.labels());
        assertTrue(meanPixel(inverted) > 2 * meanPixel(stroke), "inverted images are mostly bright");
    }

    @Test
    void splitsAreBalancedAcrossTheTenClasses() throws Exception {
        int[] counts = new int[10];
        for (int label : train(Style.DOTTED, 0).labels()) {
            counts[label]++;
        }
        for (int count : counts) {
            assertEquals(20, count);
        }
    }

    @Test
    void describeReportsTheSplitSizesThatOpenDelivers() throws Exception {
        SyntheticOptions options = new SyntheticOptions(Style.OUTLINE, 120, 30, 0L);
        var info = new SyntheticProvider().describe(options);
        Dataset dataset = new SyntheticProvider().open(options, NO_FILES);
        assertEquals(10, info.numClasses());
        assertEquals(120, dataset.split("train").count());
        assertEquals(30, dataset.split("test").count());
        assertEquals(info.splitSizes().get("test"), dataset.split("test").count());
    }

    @Test
    void everyImageHasInkOnTheGlyph() throws Exception {
        ImageSet images = train(Style.STROKE, 5);
        for (int i = 0; i < images.count(); i++) {
            int lit = 0;
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                lit += (images.pixels()[i * ImageSet.PIXELS + p] & 0xff) > 128 ? 1 : 0;
            }
            assertTrue(lit > 20 && lit < 400, "image " + i + " has " + lit + " lit pixels");
        }
    }

    @Test
    void rejectsAnUnknownSplit() throws Exception {
        Dataset dataset = new SyntheticProvider().open(new SyntheticOptions(null, null, null, null), NO_FILES);
        var error = assertThrows(IllegalArgumentException.class, () -> dataset.split("validation"));
        assertEquals("synthetic has splits train and test, not 'validation'", error.getMessage());
    }

    private static double meanPixel(ImageSet images) {
        double sum = 0;
        for (byte pixel : images.pixels()) {
            sum += pixel & 0xff;
        }
        return sum / images.pixels().length;
    }
}
