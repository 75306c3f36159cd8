package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A null (~) where the file must give a value is a located error, never a value that later code trips over. */
class NullEntriesTest {

    private static final String EMPTY = "is empty (null); give it a value or remove the entry";

    @Test
    void aNullDatasetModelOrRecipeEntryIsReportedAtItsPosition() {
        assertEquals(List.of("exp.yaml:5:12: datasets.letters: " + EMPTY),
                errors(baseWith("letters: { plugin: letters }", "letters: ~")));
        assertEquals(List.of("exp.yaml:7:12: models.alexnet: " + EMPTY),
                errors(baseWith("alexnet: { plugin: alexnet }", "alexnet: ~")));
        assertEquals(List.of("exp.yaml:9:10: recipes.train: " + EMPTY),
                errors(baseWith("train: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }",
                        "train: null")));
    }

    @Test
    void aNullMetricAttackMethodOrBlockEntryIsReportedAtItsPosition() {
        assertEquals(List.of("exp.yaml:17:21: metrics[1]: " + EMPTY),
                errors(baseWith("metrics: [accuracy]", "metrics: [accuracy, ~]")));
        assertEquals(List.of("exp.yaml:16:13: attack.methods[0]: " + EMPTY),
                errors(baseWith("methods: [{ plugin: fgsm, eps: 0.1 }]", "methods: [~]")));
        assertEquals(List.of("exp.yaml:19:5: baselines[0]: " + EMPTY),
                errors(TestExperiments.BASE + "baselines:\n  - ~\n"));
        assertEquals(List.of("exp.yaml:13:4: finetune[0]: " + EMPTY),
                errors(baseWith("  - { from: { models: [alexnet] }, dataset: mnist, subset: [100], freeze: { first: 4 }, "
                        + "recipe: train }", "  -")));
    }

    @Test
    void aNullInsideAListOfAliasesOrSubsetsIsReported() {
        assertEquals(List.of("exp.yaml:11:46: pretrain[0].datasets[1]: " + EMPTY),
                errors(baseWith("datasets: [letters]", "datasets: [letters, ~]")));
        assertEquals(List.of("exp.yaml:13:66: finetune[0].subset[1]: " + EMPTY),
                errors(baseWith("subset: [100]", "subset: [100, null]")));
    }

    @Test
    void aFileThatIsOnlyANullIsReportedNotACrash() {
        assertEquals(List.of("exp.yaml:1:1: the file holds no settings (null); it must be a mapping with experiment, "
                + "datasets, models and the other keys"), errors("~\n"));
    }
}
