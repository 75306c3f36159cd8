package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.transferlab.api.data.DatasetInfo;

/**
 * Checks the numbers in the file against what the plugins report: subset sizes and attack samples against split sizes,
 * the attack split's name, freeze counts against the model's parameter tensors, and ground-truth attack labels against
 * the class names of the pre-training datasets.
 */
final class CapacityCheck {

    static final String TRAIN_SPLIT = "train";

    private final ExperimentConfig config;
    private final PluginFacts facts;
    private final NodeIndex index;
    private final ErrorCollector errors;

    CapacityCheck(ExperimentConfig config, PluginFacts facts, NodeIndex index, ErrorCollector errors) {
        this.config = requireNonNull(config, "config is null");
        this.facts = requireNonNull(facts, "facts is null");
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    void check() {
        if (config.datasets() != null) {
            config.datasets().keySet().forEach(facts::dataset);
        }
        List<PretrainBlock> pretrain = config.pretrain() == null ? List.of() : config.pretrain();
        for (int i = 0; i < pretrain.size(); i++) {
            PretrainBlock block = pretrain.get(i);
            if (block != null && block.datasets() != null) {
                checkPretrain(block, YamlPath.ROOT.key("pretrain").index(i));
            }
        }
        for (int i = 0; i < config.finetuneOrEmpty().size(); i++) {
            FinetuneBlock block = config.finetuneOrEmpty().get(i);
            if (block != null) {
                checkFinetune(block, YamlPath.ROOT.key("finetune").index(i));
            }
        }
        for (int i = 0; i < config.baselinesOrEmpty().size(); i++) {
            BaselineBlock block = config.baselinesOrEmpty().get(i);
            if (block != null && block.dataset() != null) {
                checkBaseline(block, YamlPath.ROOT.key("baselines").index(i));
            }
        }
        if (config.attack() != null && config.attack().data() != null) {
            checkAttack(config.attack());
        }
    }

    private void checkBaseline(BaselineBlock block, YamlPath path) {
        if (block.subset() != null) {
            for (int k = 0; k < block.subset().size(); k++) {
                checkSubset(block.subset().get(k), block.dataset(), path.key("subset").index(k));
            }
        }
        Optional<DatasetInfo> info = dataset(block.dataset());
        if (info.isPresent() && block.models() != null) {
            block.models().stream().filter(Objects::nonNull)
                    .forEach(model -> facts.parameterNames(model, info.get().numClasses()));
        }
    }

    /**
     * Also builds every model for the class count of each dataset it is pre-trained on, so that a plugin that cannot is
     * reported before any work starts.
     */
    private void checkPretrain(PretrainBlock block, YamlPath path) {
        for (String dataset : block.datasets()) {
            checkSubset(block.subset(), dataset, path.key("subset"));
            Optional<DatasetInfo> info = dataset(dataset);
            if (info.isPresent() && block.models() != null) {
                block.models().stream().filter(Objects::nonNull)
                        .forEach(model -> facts.parameterNames(model, info.get().numClasses()));
            }
        }
    }

    private void checkFinetune(FinetuneBlock block, YamlPath path) {
        if (block.dataset() == null) {
            return;
        }
        if (block.subset() != null) {
            for (int k = 0; k < block.subset().size(); k++) {
                checkSubset(block.subset().get(k), block.dataset(), path.key("subset").index(k));
            }
        }
        Optional<DatasetInfo> target = dataset(block.dataset());
        Freeze freeze = block.freeze();
        if (freeze == null || target.isEmpty()) {
            return;
        }
        for (String model : sourceModels(block.from())) {
            checkFreezeCount(freeze.first(), model, target.get().numClasses(), path.key("freeze").key("first"));
            checkFreezeCount(freeze.last(), model, target.get().numClasses(), path.key("freeze").key("last"));
            checkFreezeGlobs(freeze.params(), model, target.get().numClasses(), path.key("freeze").key("params"));
        }
    }

    private void checkSubset(Integer subset, String dataset, YamlPath path) {
        if (subset == null) {
            return;
        }
        Integer available = dataset(dataset).map(info -> info.splitSizes().get(TRAIN_SPLIT)).orElse(null);
        if (available != null && subset > available) {
            report(path, "is " + subset + " but " + facts.describeDataset(dataset) + " has " + available
                    + " training images");
        }
    }

    private void checkFreezeCount(Integer count, String model, int numClasses, YamlPath path) {
        if (count == null || errors.failedAtOrAbove(path)) {
            return;
        }
        Optional<List<String>> parameters = facts.parameterNames(model, numClasses);
        if (parameters.isPresent() && count > parameters.get().size()) {
            report(path, "is " + count + " but " + facts.describeModel(model) + " has " + parameters.get().size()
                    + " parameter tensors");
        }
    }

    private void checkFreezeGlobs(List<String> globs, String model, int numClasses, YamlPath path) {
        if (globs == null || errors.failedAtOrAbove(path)) {
            return;
        }
        Optional<List<String>> parameters = facts.parameterNames(model, numClasses);
        if (parameters.isEmpty()) {
            return;
        }
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            if (glob != null && parameters.get().stream().noneMatch(name -> FreezeGlob.matches(glob, name))) {
                report(path.index(i), "'" + glob + "' matches no parameter of " + facts.describeModel(model)
                        + Suggestions.hint(glob, parameters.get(), "its parameters are"));
            }
        }
    }

    private void checkAttack(AttackBlock attack) {
        AttackBlock.AttackData data = attack.data();
        YamlPath dataPath = YamlPath.ROOT.key("attack").key("data");
        Optional<DatasetInfo> info = dataset(data.dataset());
        if (info.isEmpty()) {
            return;
        }
        Map<String, Integer> splits = info.get().splitSizes();
        String split = data.splitOrDefault();
        Integer size = splits.get(split);
        if (size == null) {
            Set<String> names = new TreeSet<>(splits.keySet());
            if (data.split() == null) {
                report(dataPath, facts.describeDataset(data.dataset()) + " has no split '" + split
                        + "'; set split to one of: " + String.join(", ", names));
            } else {
                report(dataPath.key("split"), "unknown split '" + split + "' of "
                        + facts.describeDataset(data.dataset()) + Suggestions.hint(split, names, "splits"));
            }
        } else if (data.samples() != null && data.samples() > size) {
            report(dataPath.key("samples"), "is " + data.samples() + " but split '" + split + "' of "
                    + facts.describeDataset(data.dataset()) + " has " + size + " images");
        }
        if (attack.labelsOrDefault() == AttackBlock.AttackLabels.GROUND_TRUTH) {
            checkGroundTruthLabels(data.dataset(), info.get().classNames());
        }
    }

    /** Ground-truth labels mean the same class to every source only when the class names match, in order. */
    private void checkGroundTruthLabels(String attackDataset, List<String> attackClasses) {
        List<String> mismatches = new ArrayList<>();
        for (String dataset : pretrainDatasets()) {
            dataset(dataset).filter(info -> !info.classNames().equals(attackClasses)).ifPresent(info ->
                    mismatches.add(facts.describeDataset(dataset) + " has " + (info.numClasses() == attackClasses.size()
                            ? firstNames(info.classNames()) : info.numClasses() + " classes")));
        }
        if (!mismatches.isEmpty()) {
            report(YamlPath.ROOT.key("attack").key("labels"),
                    "ground-truth needs every source's classes to be the attack dataset's, but "
                            + facts.describeDataset(attackDataset) + " has the classes " + firstNames(attackClasses)
                            + " and " + String.join(", ", mismatches) + "; use source-prediction");
        }
    }

    private static String firstNames(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "");
    }

    /** The models a fine-tune block starts from: those it names, or else every pre-trained model. */
    private Set<String> sourceModels(FinetuneBlock.From from) {
        Set<String> models = new LinkedHashSet<>();
        if (from != null && from.models() != null) {
            models.addAll(from.models());
        } else if (config.pretrain() != null) {
            config.pretrain().stream().filter(block -> block != null && block.models() != null)
                    .forEach(block -> models.addAll(block.models()));
        }
        models.remove(null);
        return models;
    }

    private Set<String> pretrainDatasets() {
        Set<String> datasets = new LinkedHashSet<>();
        if (config.pretrain() != null) {
            config.pretrain().stream().filter(block -> block != null && block.datasets() != null)
                    .forEach(block -> datasets.addAll(block.datasets()));
        }
        datasets.remove(null);
        return datasets;
    }

    private Optional<DatasetInfo> dataset(String alias) {
        return alias == null ? Optional.empty() : facts.dataset(alias);
    }

    private void report(YamlPath path, String message) {
        errors.add(index.valueOrEnclosing(path), path, message);
    }
}
