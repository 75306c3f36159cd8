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
 * @param frozenBatchnorm  what a frozen BatchNorm layer does while the rest trains: {@code inference} (default: it
 *                         normalises with its moving statistics and keeps them) or {@code adapt} (as PyTorch's
 *                         {@code model.train()} with {@code requires_grad=False}: batch statistics, moving statistics
 *                         updated, scale and shift unchanged)
 */
public record FinetuneBlock(
        @NotNull @Valid From from,
        @NotNull String dataset,
        List<@NotNull @Min(1) Integer> subset,
        @Valid Freeze freeze,
        @NotNull String recipe,
        FrozenBatchNorm frozenBatchnorm) {

    /** What a frozen BatchNorm layer does while fine-tuning. */
    public enum FrozenBatchNorm { INFERENCE, ADAPT }

    public boolean adaptsFrozenBatchNorm() {
        return frozenBatchnorm == FrozenBatchNorm.ADAPT;
    }

    /**
     * The pre-trained models to fine-tune: those of the listed model aliases pre-trained on the listed dataset aliases
     * (every pre-training dataset of those models when {@code datasets} is absent).
     */
    public record From(List<String> models, List<String> datasets) {
    }
}
