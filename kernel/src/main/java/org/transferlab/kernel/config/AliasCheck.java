package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every dataset, model and recipe alias used in {@code pretrain}, {@code finetune}, {@code baselines} and
 * {@code attack} is
 * declared, and that fine-tuning starts only from models that some {@code pretrain} block trains.
 */
final class AliasCheck {

    private final ExperimentConfig config;
    private final NodeIndex index;
    private final ErrorCollector errors;
    /** Model alias to the dataset aliases it is pre-trained on, in file order. */
    private final Map<String, Set<String>> pretrained = new LinkedHashMap<>();

    AliasCheck(ExperimentConfig config, NodeIndex index, ErrorCollector errors) {
        this.config = requireNonNull(config, "config is null");
        this.index = requireNonNull(index, "index is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    void check() {
        YamlPath pretrainPath = YamlPath.ROOT.key("pretrain");
        List<PretrainBlock> pretrainBlocks = config.pretrain() == null ? List.of() : config.pretrain();
        for (int i = 0; i < pretrainBlocks.size(); i++) {
            if (pretrainBlocks.get(i) != null) {
                checkPretrain(pretrainBlocks.get(i), pretrainPath.index(i));
            }
        }
        YamlPath finetunePath = YamlPath.ROOT.key("finetune");
        for (int i = 0; i < config.finetuneOrEmpty().size(); i++) {
            if (config.finetuneOrEmpty().get(i) != null) {
                checkFinetune(config.finetuneOrEmpty().get(i), finetunePath.index(i));
            }
        }
        YamlPath baselinesPath = YamlPath.ROOT.key("baselines");
        for (int i = 0; i < config.baselinesOrEmpty().size(); i++) {
            BaselineBlock block = config.baselinesOrEmpty().get(i);
            if (block != null) {
                checkAliases(block.models(), baselinesPath.index(i).key("models"), Kind.MODEL);
                checkAlias(block.dataset(), baselinesPath.index(i).key("dataset"), Kind.DATASET);
                checkAlias(block.recipe(), baselinesPath.index(i).key("recipe"), Kind.RECIPE);
            }
        }
        if (config.attack() != null && config.attack().data() != null) {
            YamlPath datasetPath = YamlPath.ROOT.key("attack").key("data").key("dataset");
            checkAlias(config.attack().data().dataset(), datasetPath, Kind.DATASET);
        }
    }

    private void checkPretrain(PretrainBlock block, YamlPath path) {
        checkAliases(block.models(), path.key("models"), Kind.MODEL);
        checkAliases(block.datasets(), path.key("datasets"), Kind.DATASET);
        checkAlias(block.recipe(), path.key("recipe"), Kind.RECIPE);
        if (block.models() != null && block.datasets() != null) {
            for (String model : block.models()) {
                pretrained.computeIfAbsent(model, key -> new LinkedHashSet<>()).addAll(block.datasets());
            }
        }
    }

    private void checkFinetune(FinetuneBlock block, YamlPath path) {
        checkAlias(block.dataset(), path.key("dataset"), Kind.DATASET);
        checkAlias(block.recipe(), path.key("recipe"), Kind.RECIPE);
        FinetuneBlock.From from = block.from();
        if (from == null) {
            return;
        }
        YamlPath fromPath = path.key("from");
        List<String> models = from.models() == null ? List.of() : from.models();
        for (int j = 0; j < models.size(); j++) {
            String model = models.get(j);
            YamlPath modelPath = fromPath.key("models").index(j);
            if (checkAlias(model, modelPath, Kind.MODEL) && !pretrained.containsKey(model)) {
                report(modelPath, "model '" + model + "' is not pre-trained in any pretrain block");
            }
        }
        List<String> datasets = from.datasets() == null ? List.of() : from.datasets();
        for (int j = 0; j < datasets.size(); j++) {
            String dataset = datasets.get(j);
            YamlPath datasetPath = fromPath.key("datasets").index(j);
            if (checkAlias(dataset, datasetPath, Kind.DATASET)) {
                checkPretrainedOn(dataset, from.models(), datasetPath);
            }
        }
    }

    private void checkPretrainedOn(String dataset, List<String> models, YamlPath path) {
        if (models == null) {
            if (pretrained.values().stream().noneMatch(datasets -> datasets.contains(dataset))) {
                report(path, "no model is pre-trained on '" + dataset + "' in any pretrain block");
            }
            return;
        }
        for (String model : models) {
            Set<String> datasets = pretrained.get(model);
            if (datasets != null && !datasets.contains(dataset)) {
                report(path, "model '" + model + "' is not pre-trained on '" + dataset + "' in any pretrain block");
            }
        }
    }

    private void checkAliases(List<String> aliases, YamlPath path, Kind kind) {
        if (aliases != null) {
            for (int i = 0; i < aliases.size(); i++) {
                checkAlias(aliases.get(i), path.index(i), kind);
            }
        }
    }

    /**
     * Returns whether {@code alias} is declared; an alias that is absent, or whose section did not bind, is not judged.
     */
    private boolean checkAlias(String alias, YamlPath path, Kind kind) {
        Map<String, ?> declared = kind.declared(config);
        if (alias == null || declared == null) {
            return false;
        }
        if (declared.containsKey(alias)) {
            return true;
        }
        if (errors.failedAtOrAbove(YamlPath.ROOT.key(kind.section).key(alias))) {
            return false; // declared, but its entry did not bind (an empty entry, say): that error is already reported
        }
        report(path, "unknown " + kind.label + " alias '" + alias + "'"
                + Suggestions.hint(alias, declared.keySet(), "declared under " + kind.section));
        return false;
    }

    private void report(YamlPath path, String message) {
        errors.add(index.valueOrEnclosing(path), path, message);
    }

    private enum Kind {
        DATASET("dataset", "datasets"),
        MODEL("model", "models"),
        RECIPE("recipe", "recipes");

        private final String label;
        private final String section;

        Kind(String label, String section) {
            this.label = label;
            this.section = section;
        }

        Map<String, ?> declared(ExperimentConfig config) {
            return switch (this) {
                case DATASET -> config.datasets();
                case MODEL -> config.models();
                case RECIPE -> config.recipes();
            };
        }
    }
}
