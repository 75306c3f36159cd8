package org.transferlab.plugins.datasets.synthetic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Options of the {@code synthetic} dataset.
 *
 * @param style  the visual domain; default {@code stroke}
 * @param train  images in the train split; default 6000
 * @param test   images in the test split; default 1000
 * @param seed   which images are drawn; the same seed gives the same pixels on every machine; default 0
 */
public record SyntheticOptions(
        Style style,
        @Min(10) @Max(1_000_000) Integer train,
        @Min(10) @Max(1_000_000) Integer test,
        Long seed) {

    public Style styleOrDefault() {
        return style == null ? Style.STROKE : style;
    }

    public int trainOrDefault() {
        return train == null ? 6000 : train;
    }

    public int testOrDefault() {
        return test == null ? 1000 : test;
    }

    public long seedOrDefault() {
        return seed == null ? 0L : seed;
    }
}
