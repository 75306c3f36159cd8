package org.transferlab.kernel.plan;

import java.util.List;

/** One unit of work: a pure function of its resolved settings and its dependencies' artefacts. */
public sealed interface Task permits TrainTask, AttackTask, EvaluateTask, CompareTask {

    /** Readable and stable, e.g. {@code pretrain/alexnet@kmnist} or {@code finetune/alexnet@kmnist>mnist-n1000-first8}. */
    String id();

    TaskKind kind();

    /** Ids of the tasks whose artefacts this one reads. */
    List<String> dependencies();

    /** SHA-256 over the task's resolved settings, its dependencies' keys and the plugin versions involved. */
    String cacheKey();

    /** Where the artefacts live below the run directory, e.g. {@code models/alexnet@kmnist}. */
    default String directory() {
        String name = id().substring(id().indexOf('/') + 1).replace(">", "_to_").replace("/", "__");
        return switch (kind()) {
            case PRETRAIN, FINETUNE -> "models/" + name;
            case BASELINE -> "models/baseline-" + name;
            case ATTACK -> "adversarial/" + name;
            case EVALUATE -> "evaluations/" + name;
            case COMPARE -> "comparisons/" + name;
        };
    }
}
