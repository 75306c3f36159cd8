package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks entries that bind but cannot mean what they say: a metric listed twice (its columns would be written twice,
 * or one silently dropped) and a {@code data.root} that is a file (the run would fail at its first dataset).
 */
final class EntryCheck {

    private final ExperimentConfig config;
    private final NodeIndex index;
    private final ErrorCollector errors;

    EntryCheck(ExperimentConfig config, NodeIndex index, ErrorCollector errors) {
        this.config = requireNonNull(config, "config is null");
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    void check() {
        checkMetrics();
        checkDataRoot();
        checkImportedWeights();
    }

    /**
     * A model entry with {@code weights:} names a readable file, and is pre-trained already: it is a source and may be
     * fine-tuned, but a baseline trains from scratch.
     */
    private void checkImportedWeights() {
        if (config.models() == null) {
            return;
        }
        config.models().forEach((alias, ref) -> {
            if (ref == null || ref.weights() == null) {
                return;
            }
            YamlPath path = YamlPath.ROOT.key("models").key(alias).key("weights");
            Path file = HomePath.expand(ref.weights());
            if (!Files.isRegularFile(file)) {
                report(path, file + " does not exist or is not a file; give a PyTorch state_dict saved with "
                        + "numpy.savez (see examples/pytorch/study_models.py)");
            }
            for (int i = 0; i < config.baselinesOrEmpty().size(); i++) {
                BaselineBlock block = config.baselinesOrEmpty().get(i);
                if (block != null && block.models() != null && block.models().contains(alias)) {
                    report(YamlPath.ROOT.key("baselines").index(i).key("models"), "model '" + alias + "' is "
                            + "pre-trained already (weights: " + ref.weights() + "); a baseline trains from scratch");
                }
            }
        });
    }

    private void checkMetrics() {
        List<String> metrics = config.metrics();
        if (metrics == null) {
            return;
        }
        YamlPath path = YamlPath.ROOT.key("metrics");
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            Integer earlier = first.putIfAbsent(metrics.get(i), i);
            if (earlier != null && !errors.failedAnywhereAlong(path.index(i))) {
                report(path.index(i), "lists the metric '" + metrics.get(i) + "' again, as metrics[" + earlier
                        + "] does; remove one of the two");
            }
        }
    }

    private void checkDataRoot() {
        DataConfig data = config.data();
        if (data == null || data.root() == null) {
            return;
        }
        Path path = HomePath.expand(data.root());
        if (Files.exists(path) && !Files.isDirectory(path)) {
            report(YamlPath.ROOT.key("data").key("root"), path + " is a file, not a folder; data.root is the folder that "
                    + "holds one sub-folder per dataset");
        }
    }

    private void report(YamlPath path, String message) {
        errors.add(index.valueOrEnclosing(path), path, message);
    }
}
