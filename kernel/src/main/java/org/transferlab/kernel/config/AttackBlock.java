package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.transferlab.api.PluginKind;

/**
 * Which images are attacked, by which sources, evaluated on which targets, with which methods.
 *
 * @param targets  {@code finetuned}: every fine-tuned model is a target
 * @param sources  {@code pretrained}: every pre-trained model is a source
 * @param methods  attack plugins with their options; list values expand
 */
public record AttackBlock(
        @NotNull @Valid AttackData data,
        TargetSelection targets,
        SourceSelection sources,
        AttackLabels labels,
        @NotEmpty @PluginSlot(value = PluginKind.ATTACK, expandsLists = true) List<@Valid PluginRef> methods) {

    public enum TargetSelection { FINETUNED }

    public enum SourceSelection { PRETRAINED }

    /** Which label an attack moves away from; {@code ground-truth} or {@code source-prediction} in the file. */
    public enum AttackLabels { GROUND_TRUTH, SOURCE_PREDICTION }

    public TargetSelection targetsOrDefault() {
        return targets == null ? TargetSelection.FINETUNED : targets;
    }

    public SourceSelection sourcesOrDefault() {
        return sources == null ? SourceSelection.PRETRAINED : sources;
    }

    public AttackLabels labelsOrDefault() {
        return labels == null ? AttackLabels.SOURCE_PREDICTION : labels;
    }

    /**
     * @param dataset  dataset alias the attacked images come from
     * @param split    default {@code test}
     * @param samples  how many images (stratified by class); all when absent
     * @param images   with {@code repeats}, whether every repeat attacks the same images ({@code fixed}, the default)
     *                 or draws its own ({@code per-repeat}), so that the spread over repeats includes image sampling
     */
    public record AttackData(@NotNull String dataset, String split, @Min(1) Integer samples, ImageDraw images) {

        /** Which images the repeats of a study attack. */
        public enum ImageDraw { FIXED, PER_REPEAT }

        public AttackData(String dataset, String split, Integer samples) {
            this(dataset, split, samples, null);
        }

        public String splitOrDefault() {
            return split == null ? "test" : split;
        }

        public boolean drawsPerRepeat() {
            return images == ImageDraw.PER_REPEAT;
        }
    }
}
