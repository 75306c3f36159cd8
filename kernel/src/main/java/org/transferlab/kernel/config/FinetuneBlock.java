package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Fine-tunes pre-trained models on a target dataset, once per subset size.
 *
 * @param from     which pre-trained models to start from
 * @param dataset  the target dataset alias
 * @param subset   training-set sizes; absent means the whole training split
 * @param freeze   which parameters stay fixed; absent means none
 */
public record FinetuneBlock(
        @NotNull @Valid From from,
        @NotNull String dataset,
        List<@NotNull @Min(1) Integer> subset,
        @Valid Freeze freeze,
        @NotNull String recipe) {

    /**
     * The pre-trained models to fine-tune: those of the listed model aliases pre-trained on the listed dataset aliases
     * (every pre-training dataset of those models when {@code datasets} is absent).
     */
    public record From(List<String> models, List<String> datasets) {
    }
}
