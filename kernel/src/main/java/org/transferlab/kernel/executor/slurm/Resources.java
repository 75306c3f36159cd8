package org.transferlab.kernel.executor.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.transferlab.kernel.config.ClusterConfig;
import org.transferlab.kernel.plan.TaskKind;

/**
 * What one job asks Slurm for; a null value leaves the cluster's default. Tasks with equal resources at the same
 * dependency level go into one job array.
 *
 * @param time   {@code --time}
 * @param cpus   {@code --cpus-per-task}, which is also the task's TensorFlow threads
 * @param memory {@code --mem}
 * @param gres   {@code --gres}
 */
record Resources(String time, int cpus, String memory, String gres) {

    /** The kinds of task that run networks, and so get the GPUs that {@code cluster.gpus} asks for. */
    private static final Set<TaskKind> NETWORK_KINDS = Set.of(TaskKind.PRETRAIN, TaskKind.FINETUNE, TaskKind.BASELINE,
            TaskKind.ATTACK, TaskKind.EVALUATE);

    /** @param kind  the kind of task, or null for the final job */
    static Resources of(ClusterConfig cluster, TaskKind kind, int cpus) {
        ClusterConfig.TimeLimits limits = cluster.timeOrDefault();
        String time = kind == null ? limits.finish() : switch (kind) {
            case PRETRAIN -> limits.pretrain();
            case FINETUNE -> limits.finetune();
            case BASELINE -> limits.baseline();
            case ATTACK -> limits.attack();
            case EVALUATE -> limits.evaluate();
            case COMPARE -> limits.compare();
        };
        String gres = cluster.gpus() != null && kind != null && NETWORK_KINDS.contains(kind) ? "gpu:" + cluster.gpus() : null;
        return new Resources(time, cpus, cluster.memory(), gres);
    }

    /** The CPUs of every task's job: {@code cluster.cpus_per_task}, else {@code runtime.threads}, else 1. */
    static int cpus(ClusterConfig cluster, int runtimeThreads) {
        if (cluster.cpusPerTask() != null) {
            return cluster.cpusPerTask();
        }
        return runtimeThreads > 0 ? runtimeThreads : 1;
    }

    List<String> sbatchOptions() {
        List<String> options = new ArrayList<>();
        if (time != null) {
            options.add("--time=" + time);
        }
        options.add("--cpus-per-task=" + cpus);
        if (memory != null) {
            options.add("--mem=" + memory);
        }
        if (gres != null) {
            options.add("--gres=" + gres);
        }
        return options;
    }
}
