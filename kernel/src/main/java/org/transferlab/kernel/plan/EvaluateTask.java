package org.transferlab.kernel.plan;

import java.util.List;

/** Evaluating one target model on one set of adversarial examples and computing every metric. */
public record EvaluateTask(String id, String targetId, String attackId, String sourceId, int repeat, String cacheKey)
        implements Task {

    @Override
    public TaskKind kind() {
        return TaskKind.EVALUATE;
    }

    @Override
    public List<String> dependencies() {
        return List.of(targetId, attackId);
    }
}
