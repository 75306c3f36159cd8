package org.transferlab.plugins.models;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.transferlab.api.data.ImageSet;

/**
 * Options of {@code mlp-mixer}.
 *
 * @param depth             mixer layers; default 1
 * @param patch             side of the square patches, which must divide 28; default 4 (7×7 = 49 patches)
 * @param dim               channels per patch; default 128
 * @param tokenExpansion    hidden width of token mixing per patch (rounded down); default 4 (49 → 196 → 49)
 * @param channelExpansion  hidden width of channel mixing per channel (rounded down); default 0.5 (128 → 64 → 128)
 * @param init              how the dense layers start: {@code he-normal} (default) or {@code pytorch}
 */
public record MlpMixerOptions(
        @Min(1) @Max(16) Integer depth,
        @Min(1) @Max(ImageSet.SIDE) Integer patch,
        @Min(1) @Max(4096) Integer dim,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("64") Double tokenExpansion,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("64") Double channelExpansion,
        WeightInit init) {

    /** The defaults: one mixer layer of the shape SPEC §3 gives. */
    public static final MlpMixerOptions DEFAULTS = new MlpMixerOptions(null, null, null, null, null, null);

    /** A record-level constraint; a patch below 1 is left to {@code @Min}. */
    @AssertTrue(message = "patch must divide the image side 28: 1, 2, 4, 7, 14 or 28")
    public boolean isPatchDividingTheImage() {
        int patch = patchOrDefault();
        return patch < 1 || ImageSet.SIDE % patch == 0;
    }

    public int depthOrDefault() {
        return depth == null ? 1 : depth;
    }

    public int patchOrDefault() {
        return patch == null ? 4 : patch;
    }

    public int dimOrDefault() {
        return dim == null ? 128 : dim;
    }

    public double tokenExpansionOrDefault() {
        return tokenExpansion == null ? 4 : tokenExpansion;
    }

    public double channelExpansionOrDefault() {
        return channelExpansion == null ? 0.5 : channelExpansion;
    }

    public WeightInit initOrDefault() {
        return init == null ? WeightInit.HE_NORMAL : init;
    }
}
