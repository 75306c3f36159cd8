package org.transferlab.kernel.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Trains every model alias on every dataset alias from scratch: {@code {models: [...], datasets: [...], recipe: r}}.
 *
 * @param subset  train on this many images (stratified by class), or all when absent
 */
public record PretrainBlock(
        @NotEmpty List<String> models,
        @NotEmpty List<String> datasets,
        @NotNull String recipe,
        @Min(1) Integer subset) {
}
