package org.transferlab.kernel.engine;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ParameterSpec;

/**
 * Chooses where fine-tuning trains on cached features: the deepest {@link Cut} whose prefix is entirely frozen, so
 * that its output is a fixed function of the image, and whose features for every image the training reads fit in the
 * memory budget. Training the suffix on them updates the same parameters with the same gradients as training the whole
 * network; only the rounding of the prefix's ops can differ.
 */
public final class FeatureCaching {

    /** Features may take at most this share of the memory one process may count on. */
    private static final double MEMORY_SHARE = 0.25;
    /** How many worker processes of one run share this machine's memory ({@code run --jobs N} sets it). */
    public static final String WORKERS_VARIABLE = "TRANSFERLAB_WORKERS";
    /** The memory, in MiB, that Slurm granted the job ({@code --mem}); absent when the job asked for none. */
    private static final String SLURM_MEMORY_VARIABLE = "SLURM_MEM_PER_NODE";

    private FeatureCaching() {
    }

    /** The cut to train above, for a training that reads {@code images} images in all (training and test sets). */
    public static Optional<Cut> choose(Architecture architecture, Set<String> frozen, long images) {
        return choose(architecture, frozen, images, budgetBytes());
    }

    /**
     * The cut to train above when frozen normalisation layers adapt their statistics ({@code frozen_batchnorm: adapt}):
     * then a prefix is a fixed function of the image only if it holds no such layer, no state.
     */
    public static Optional<Cut> choose(Architecture architecture, Set<String> frozen, boolean adaptsFrozenStatistics,
                                       long images) {
        return choose(architecture, frozen, adaptsFrozenStatistics, images, budgetBytes());
    }

    static Optional<Cut> choose(Architecture architecture, Set<String> frozen, long images, long budgetBytes) {
        return choose(architecture, frozen, false, images, budgetBytes);
    }

    static Optional<Cut> choose(Architecture architecture, Set<String> frozen, boolean adaptsFrozenStatistics,
                                long images, long budgetBytes) {
        if (frozen.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = architecture.parameters().stream().map(ParameterSpec::name).toList();
        Set<String> stateOwners = adaptsFrozenStatistics
                ? architecture.state().stream().map(state -> state.owner()).collect(java.util.stream.Collectors.toSet())
                : Set.of();
        List<Cut> cuts = architecture.cuts();
        for (int i = cuts.size() - 1; i >= 0; i--) {
            Cut cut = cuts.get(i);
            int prefix = cut.prefixParameters();
            if (prefix < 1 || prefix > names.size() || !frozen.containsAll(names.subList(0, prefix))
                    || names.subList(0, prefix).stream().anyMatch(stateOwners::contains)) {
                continue;
            }
            if (bytes(cut, images) <= budgetBytes) {
                return Optional.of(cut);
            }
        }
        return Optional.empty();
    }

    /** The bytes that the features of {@code images} images take. */
    public static long bytes(Cut cut, long images) {
        long floats = 1;
        for (long dimension : cut.featureShape()) {
            floats = Math.multiplyExact(floats, dimension);
        }
        return Math.multiplyExact(Math.multiplyExact(floats, Float.BYTES), images);
    }

    private static long budgetBytes() {
        long total = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : Runtime.getRuntime().maxMemory();
        return budgetBytes(total, System.getenv());
    }

    /**
     * A quarter of the memory this process may count on: the machine's (or its container's), or the Slurm job's
     * grant when smaller, divided among the run's worker processes on this machine.
     */
    static long budgetBytes(long machineBytes, Map<String, String> environment) {
        long memory = machineBytes;
        Long slurmMiB = positive(environment.get(SLURM_MEMORY_VARIABLE));
        if (slurmMiB != null) {
            memory = Math.min(memory, slurmMiB * 1024 * 1024);
        }
        Long workers = positive(environment.get(WORKERS_VARIABLE));
        return (long) (memory * MEMORY_SHARE / (workers == null ? 1 : workers));
    }

    private static Long positive(String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
