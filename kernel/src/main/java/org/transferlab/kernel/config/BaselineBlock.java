package org.transferlab.kernel.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Trains every model alias from scratch on the target dataset, once per subset size: the control targets that no
 * source is a parent of. Baselines are attacked like fine-tuned targets but never attack.
 *
 * @param subset  training-set sizes; absent means the whole training split
 */
public record BaselineBlock(
        @NotEmpty List<String> models,
        @NotNull String dataset,
        List<@NotNull @Min(1) Integer> subset,
        @NotNull String recipe) {
}
