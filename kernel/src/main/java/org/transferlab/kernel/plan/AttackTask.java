package org.transferlab.kernel.plan;

import java.util.List;
import org.transferlab.kernel.config.AttackBlock.AttackLabels;

/**
 * Crafting adversarial examples on one source model with one attack setting.
 *
 * @param setting  the attack plugin and one expanded options record
 */
public record AttackTask(
        String id,
        String sourceId,
        AttackSetting setting,
        String datasetAlias,
        String split,
        int samples,
        AttackLabels labels,
        int repeat,
        long seed,
        String cacheKey) implements Task {

    @Override
    public TaskKind kind() {
        return TaskKind.ATTACK;
    }

    @Override
    public List<String> dependencies() {
        return List.of(sourceId);
    }
}
