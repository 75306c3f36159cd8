package org.transferlab.kernel.plan;

import java.util.List;
import java.util.Optional;
import org.transferlab.kernel.config.Freeze;

/**
 * Pre-training from scratch (no parent) or fine-tuning from a pre-trained model.
 *
 * @param subset  number of training images, or empty for the whole split
 * @param seed        initialisation and shuffling seed, derived from the experiment seed and the id
 * @param subsetSeed  which {@code subset} images are taken: the same for every task on that many images of that dataset
 *                    in one repeat
 * @param nestedSubset  whether {@code subset} is the first images of one stratified order of the dataset, shared by
 *                      every subset size in the repeat, rather than drawn for its size alone
 * @param adaptsFrozenBatchNorm  whether frozen BatchNorm layers use batch statistics and update their moving ones
 */
public record TrainTask(
        String id,
        TaskKind kind,
        String modelAlias,
        String datasetAlias,
        String recipeName,
        Optional<Integer> subset,
        Optional<String> parentId,
        Freeze freeze,
        int repeat,
        long seed,
        long subsetSeed,
        boolean nestedSubset,
        boolean adaptsFrozenBatchNorm,
        String cacheKey) implements Task {

    @Override
    public List<String> dependencies() {
        return parentId.map(List::of).orElse(List.of());
    }
}
