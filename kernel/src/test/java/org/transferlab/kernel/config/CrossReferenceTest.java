package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossReferenceTest {

    private static final String PRETRAIN = "  - { models: [alexnet], datasets: [letters], recipe: train }";
    private static final String ATTACK_DATA = "  data: { dataset: mnist, samples: 50 }";
    private static final String FINETUNE =
            "  - { from: { models: [alexnet] }, dataset: mnist, subset: [100], freeze: { first: 4 }, recipe: train }";

    @Test
    void suggestsTheClosestDeclaredAlias() {
        String yaml = baseWith(PRETRAIN, "  - { models: [alexnte], datasets: [leters], recipe: trian }");

        assertEquals(List.of(
                "exp.yaml:11:16: pretrain[0].models[0]: unknown model alias 'alexnte'; did you mean 'alexnet'?",
                "exp.yaml:11:37: pretrain[0].datasets[0]: unknown dataset alias 'leters'; did you mean 'letters'?",
                "exp.yaml:11:54: pretrain[0].recipe: unknown recipe alias 'trian'; did you mean 'train'?",
                "exp.yaml:13:24: finetune[0].from.models[0]: model 'alexnet' is not pre-trained in any pretrain block"),
                errors(yaml));
    }

    @Test
    void checksTheAliasesAndSubsetsOfBaselines() {
        String yaml = baseWith(FINETUNE, FINETUNE
                + "\nbaselines:\n  - { models: [alexnte], dataset: mnist, subset: [100, 5000], recipe: trian }");

        assertEquals(List.of(
                "exp.yaml:15:16: baselines[0].models[0]: unknown model alias 'alexnte'; did you mean 'alexnet'?",
                "exp.yaml:15:56: baselines[0].subset[1]: is 5000 but dataset 'mnist' (mnist) has 1000 training images",
                "exp.yaml:15:71: baselines[0].recipe: unknown recipe alias 'trian'; did you mean 'train'?"),
                errors(yaml));
    }

    @Test
    void listsTheDeclaredAliasesWhenNoneIsClose() {
        String finetune = FINETUNE.replace("dataset: mnist", "dataset: svhn").replace("recipe: train", "recipe: slow");
        String yaml = baseWith(FINETUNE, finetune)
                .replace("data: { dataset: mnist", "data: { dataset: cifar");

        assertEquals(List.of(
                "exp.yaml:13:45: finetune[0].dataset: "
                        + "unknown dataset alias 'svhn'; declared under datasets: mnist, letters",
                "exp.yaml:13:96: finetune[0].recipe: unknown recipe alias 'slow'; declared under recipes: train",
                "exp.yaml:15:20: attack.data.dataset: "
                        + "unknown dataset alias 'cifar'; declared under datasets: mnist, letters"),
                errors(yaml));
    }

    @Test
    void finetunesOnlyModelsThatArePretrained() {
        String yaml = baseWith("  alexnet: { plugin: alexnet }",
                        "  alexnet: { plugin: alexnet }\n  resnet: { plugin: alexnet }")
                .replace("from: { models: [alexnet] }", "from: { models: [alexnet, resnet], datasets: [mnist] }");

        assertEquals(List.of(
                "exp.yaml:14:33: finetune[0].from.models[1]: model 'resnet' is not pre-trained in any pretrain block",
                "exp.yaml:14:53: finetune[0].from.datasets[0]: "
                        + "model 'alexnet' is not pre-trained on 'mnist' in any pretrain block"),
                errors(yaml));
    }

    @Test
    void rejectsSubsetsLargerThanTheTrainingSplit() {
        String yaml = baseWith(PRETRAIN, PRETRAIN.replace("recipe: train", "recipe: train, subset: 2000"))
                .replace("subset: [100]", "subset: [100, 1001]");

        assertEquals(List.of(
                "exp.yaml:11:70: pretrain[0].subset: is 2000 but dataset 'letters' (letters) has 1200 training images",
                "exp.yaml:13:66: finetune[0].subset[1]: is 1001 but dataset 'mnist' (mnist) has 1000 training images"),
                errors(yaml));
    }

    @Test
    void rejectsFreezeCountsLargerThanTheModel() {
        assertEquals(List.of("exp.yaml:13:83: finetune[0].freeze.last: "
                        + "is 17 but model 'alexnet' (alexnet) has 16 parameter tensors"),
                errors(baseWith("freeze: { first: 4 }", "freeze: { last: 17 }")));
    }

    @Test
    void rejectsFreezeGlobsThatMatchNoParameterWithASuggestion() {
        // The fake alexnet's parameters are p0 ... p15.
        assertEquals(List.of(
                "exp.yaml:13:93: finetune[0].freeze.params[1]: 'q1*' matches no parameter of model 'alexnet' "
                        + "(alexnet); its parameters are: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, "
                        + "p14, p15",
                "exp.yaml:13:100: finetune[0].freeze.params[2]: 'p1?x' matches no parameter of model 'alexnet' "
                        + "(alexnet); did you mean 'p1'?"),
                errors(baseWith("freeze: { first: 4 }", "freeze: { params: [\"p1*\", \"q1*\", \"p1?x\"] }")));
    }

    @Test
    void acceptsFreezingEveryParameter() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(baseWith("freeze: { first: 4 }", "freeze: { first: 16 }"));

        assertEquals(16, config.finetune().get(0).freeze().first());
    }

    @Test
    void countsTheParametersOfTheModelAsItsOptionsConfigureIt() {
        String yaml = baseWith("alexnet: { plugin: alexnet }", "alexnet: { plugin: mixer, depth: 2 }")
                .replace("freeze: { first: 4 }", "freeze: { first: 31 }");

        assertEquals(List.of("exp.yaml:13:84: finetune[0].freeze.first: "
                        + "is 31 but model 'alexnet' (mixer) has 30 parameter tensors"),
                errors(yaml));
    }

    @Test
    void rejectsMoreAttackSamplesThanTheSplitHas() {
        assertEquals(List.of("exp.yaml:15:36: attack.data.samples: "
                        + "is 201 but split 'test' of dataset 'mnist' (mnist) has 200 images"),
                errors(baseWith("samples: 50", "samples: 201")));
    }

    @Test
    void suggestsAKnownSplit() {
        assertEquals(List.of("exp.yaml:15:34: attack.data.split: "
                        + "unknown split 'tset' of dataset 'mnist' (mnist); did you mean 'test'?"),
                errors(baseWith("samples: 50", "split: tset")));
    }

    @Test
    void listsTheSplitsWhenNoneIsClose() {
        assertEquals(List.of("exp.yaml:15:34: attack.data.split: "
                        + "unknown split 'extra' of dataset 'mnist' (mnist); splits: test, train"),
                errors(baseWith("samples: 50", "split: extra")));
    }

    @Test
    void asksForASplitWhenTheDatasetHasNoTestSplit() {
        String yaml = baseWith("letters: { plugin: letters }", "letters: { plugin: unlabelled }")
                .replace("data: { dataset: mnist, samples: 50 }", "data: { dataset: letters }");

        assertEquals(List.of("exp.yaml:15:9: attack.data: dataset 'letters' (unlabelled) has no split 'test'; "
                + "set split to one of: extra, train"), errors(yaml));
    }

    @Test
    void allowsGroundTruthLabelsWhenEverySourceHasTheAttackDatasetsClasses() throws ConfigException {
        String yaml = baseWith("datasets: [letters]", "datasets: [mnist]")
                .replace(ATTACK_DATA, ATTACK_DATA + "\n  labels: ground-truth");

        assertEquals(AttackBlock.AttackLabels.GROUND_TRUTH, TestExperiments.config(yaml).attack().labels());
    }

    @Test
    void rejectsGroundTruthLabelsWhenASourceHasOtherClasses() {
        String yaml = baseWith("datasets: [letters]", "datasets: [mnist, letters]")
                .replace(ATTACK_DATA, ATTACK_DATA + "\n  labels: ground-truth");

        assertEquals(List.of("exp.yaml:16:11: attack.labels: "
                + "ground-truth needs every source's classes to be the attack dataset's, but dataset 'mnist' (mnist) "
                + "has the classes class0, class1, class2, … and dataset 'letters' (letters) has 27 classes; use "
                + "source-prediction"),
                errors(yaml));
    }

    @Test
    void rejectsGroundTruthLabelsWhenASourceHasAsManyClassesWithOtherNames() {
        String yaml = baseWith("letters: { plugin: letters }", "letters: { plugin: clothes }")
                .replace(ATTACK_DATA, ATTACK_DATA + "\n  labels: ground-truth");

        assertEquals(List.of("exp.yaml:16:11: attack.labels: "
                + "ground-truth needs every source's classes to be the attack dataset's, but dataset 'mnist' (mnist) "
                + "has the classes class0, class1, class2, … and dataset 'letters' (clothes) has top, trouser, "
                + "pullover, …; use source-prediction"), errors(yaml));
    }

    @Test
    void reportsAPluginThatFailsToDescribeItselfAtItsAlias() {
        assertEquals(List.of("exp.yaml:5:12: datasets.letters: "
                        + "plugin 'broken' cannot describe this dataset: index file is corrupt"),
                errors(baseWith("letters: { plugin: letters }", "letters: { plugin: broken }")));
    }

    @Test
    void reportsAModelPluginThatCannotBuildTheModelAtItsAlias() {
        assertEquals(List.of("exp.yaml:7:12: models.alexnet: "
                        + "plugin 'fragile' cannot build this model: no weights for 27 classes"),
                errors(baseWith("alexnet: { plugin: alexnet }", "alexnet: { plugin: fragile }")));
    }

    @Test
    void checksAliasesAndCountsEvenWhenOtherPartsFailedToBind() {
        String yaml = baseWith("epochs: 1", "epochs: one").replace("datasets: [letters]", "datasets: [leters]")
                .replace("freeze: { first: 4 }", "freeze: { first: 99 }");

        assertEquals(List.of(
                "exp.yaml:9:20: recipes.train.epochs: expected an integer, got 'one'",
                "exp.yaml:11:37: pretrain[0].datasets[0]: unknown dataset alias 'leters'; did you mean 'letters'?",
                "exp.yaml:13:84: finetune[0].freeze.first: "
                        + "is 99 but model 'alexnet' (alexnet) has 16 parameter tensors"),
                errors(yaml));
    }
}
