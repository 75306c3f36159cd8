package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.transferlab.api.PluginKind;

/**
 * The whole of {@code experiments.yaml}, bound and validated. Maps keep the file's order.
 *
 * @param subsets  how the training subsets of one dataset are drawn in a repeat: {@code independent} (default: each size
 *                 on its own) or {@code nested} (the 500 images inside the 1,000, inside the 10,000, so that a
 *                 subset-size curve varies size alone)
 */
public record ExperimentConfig(
        @NotNull @Pattern(regexp = SafeName.REGEX, message = SafeName.MESSAGE) String experiment,
        @NotNull Long seed,
        @Min(1) Integer repeats,
        SubsetSampling subsets,
        @Min(1) Integer maxTasks,
        @Valid RuntimeConfig runtime,
        @Valid DataConfig data,
        String output,
        @NotEmpty @PluginSlot(PluginKind.DATASET)
        Map<@Pattern(regexp = SafeName.REGEX, message = SafeName.MESSAGE) String, @Valid PluginRef> datasets,
        @NotEmpty @PluginSlot(PluginKind.MODEL)
        Map<@Pattern(regexp = SafeName.REGEX, message = SafeName.MESSAGE) String, @Valid PluginRef> models,
        @NotEmpty Map<@Pattern(regexp = SafeName.REGEX, message = SafeName.MESSAGE) String, @Valid Recipe> recipes,
        @NotEmpty List<@Valid PretrainBlock> pretrain,
        List<@Valid FinetuneBlock> finetune,
        List<@Valid BaselineBlock> baselines,
        @NotNull @Valid AttackBlock attack,
        @NotEmpty @PluginSlot(PluginKind.METRIC) List<String> metrics,
        @Valid ClusterConfig cluster) {

    /** How the training subsets of one dataset relate to each other. */
    public enum SubsetSampling { INDEPENDENT, NESTED }

    public boolean nestedSubsets() {
        return subsets == SubsetSampling.NESTED;
    }

    public int repeatsOrDefault() {
        return repeats == null ? 1 : repeats;
    }

    /** The most tasks the plan may have; a larger plan is refused before it is expanded. */
    public int maxTasksOrDefault() {
        return maxTasks == null ? DEFAULT_MAX_TASKS : maxTasks;
    }

    public static final int DEFAULT_MAX_TASKS = 50_000;

    public String outputOrDefault() {
        return output == null ? "runs" : output;
    }

    public RuntimeConfig runtimeOrDefault() {
        return runtime == null ? new RuntimeConfig(null, null) : runtime;
    }

    public ClusterConfig clusterOrDefault() {
        return cluster == null ? ClusterConfig.DEFAULT : cluster;
    }

    public DataConfig dataOrDefault() {
        return data == null ? new DataConfig(null, null) : data;
    }

    public List<FinetuneBlock> finetuneOrEmpty() {
        return finetune == null ? List.of() : finetune;
    }

    public List<BaselineBlock> baselinesOrEmpty() {
        return baselines == null ? List.of() : baselines;
    }
}
