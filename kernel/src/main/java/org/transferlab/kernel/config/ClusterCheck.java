package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code cluster:} section against itself and the rest of the file: {@code sbatch_options} must not set
 * what transferlab sets for every job, or what a key of the section sets; GPUs need a device that can use them.
 */
final class ClusterCheck {

    /** The sbatch options each job gets from transferlab, and why a user's value would break the submission. */
    private static final Map<String, String> RESERVED = reserved();

    private final ExperimentConfig config;
    private final NodeIndex index;
    private final ErrorCollector errors;

    ClusterCheck(ExperimentConfig config, NodeIndex index, ErrorCollector errors) {
        this.config = requireNonNull(config, "config is null");
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    void check() {
        ClusterConfig cluster = config.cluster();
        if (cluster == null) {
            return;
        }
        YamlPath section = YamlPath.ROOT.key("cluster");
        List<String> options = cluster.sbatchOptionsOrEmpty();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option == null) {
                continue;
            }
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String reason = RESERVED.get(name);
            if (reason != null) {
                YamlPath path = section.key("sbatch_options").index(i);
                errors.add(index.valueOrEnclosing(path), path, name + " " + reason);
            }
        }
        if (cluster.gpus() != null && config.runtime() != null && "cpu".equals(config.runtime().device())) {
            YamlPath path = section.key("gpus");
            errors.add(index.valueOrEnclosing(path), path, "GPUs are asked for, but runtime.device is cpu; set "
                    + "runtime.device to auto or gpu, or leave cluster.gpus out");
        }
    }

    private static Map<String, String> reserved() {
        Map<String, String> reserved = new LinkedHashMap<>();
        String byTransferlab = "is set by transferlab for every job; leave it out of cluster.sbatch_options";
        for (String name : List.of("--array", "--dependency", "--output", "--error", "--job-name", "--chdir",
                "--parsable", "--wrap", "--kill-on-invalid-dep", "--requeue", "--no-requeue", "--signal", "--open-mode",
                "--hold")) {
            reserved.put(name, byTransferlab);
        }
        reserved.put("--partition", "is set by cluster.partition");
        reserved.put("--account", "is set by cluster.account");
        reserved.put("--time", "is set per task kind by cluster.time");
        reserved.put("--cpus-per-task", "is set by cluster.cpus_per_task");
        reserved.put("--mem", "is set by cluster.memory");
        reserved.put("--gres", "is set by cluster.gpus for the tasks that run networks");
        return reserved;
    }
}
