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

    /**
     * Where the artefacts live below the run directory, e.g. {@code models/pretrain~alexnet@kmnist} or
     * {@code evaluations/alexnet@kmnist+mnist-n1000-first8~resnet@fmnist~fgsm-eps0.1}. Ids are unique in a plan, and
     * the folder name is the id with {@code >} written {@code +} and {@code /} written {@code ~}, characters that no
     * alias or setting contains, so two tasks never share a folder.
     */
    default String directory() {
        String name = id().substring(id().indexOf('/') + 1);
        return switch (kind()) {
            case PRETRAIN, FINETUNE, BASELINE -> "models/" + folderName(id());
            case ATTACK -> "adversarial/" + folderName(name);
            case EVALUATE -> "evaluations/" + folderName(name);
            case COMPARE -> "comparisons/" + folderName(name);
        };
    }

    private static String folderName(String id) {
        return id.replace('>', '+').replace('/', '~');
    }
}
