package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderErrorsTest {

    @Test
    void reportsEveryMistakeOfAFileTogetherSortedByPosition() {
        String yaml = """
                experiment: study
                seed: 1
                output: !!java.io.File /etc/passwd
                datasets:
                  mnist: { plugin: mnist }
                  letters: { plugin: leters }
                models:
                  alexnet: { plugin: alexnet }
                recipes:
                  train: { epochs: ten, batch_size: 8, optimizer: adam, learning_rate: 0.1 }
                pretrain:
                  - { models: [alexnet], datasets: [mnist], recipe: train }
                finetune:
                  - { from: { models: [alexnet] }, dataset: mnist, freeze: { first: 40 }, recipe: train }
                attack:
                  data: { dataset: mnist, samples: 50 }
                  methods: [{ plugin: pgd, eps: 0.1, step_sise: 0.01 }]
                metrics: [accuracy]
                seed: 2
                """;

        assertEquals(List.of(
                "exp.yaml:3:9: output: tag !!java.io.File is not allowed: only plain YAML values are accepted",
                "exp.yaml:6:22: datasets.letters.plugin: unknown dataset plugin 'leters'; did you mean 'letters'?",
                "exp.yaml:10:20: recipes.train.epochs: expected an integer, got 'ten'",
                "exp.yaml:14:69: finetune[0].freeze.first: "
                        + "is 40 but model 'alexnet' (alexnet) has 16 parameter tensors",
                "exp.yaml:17:38: attack.methods[0].step_sise: unknown key 'step_sise'; did you mean 'step_size'?",
                "exp.yaml:19:1: seed: duplicate key 'seed' (first at line 2)"), errors(yaml));
    }

    @Test
    void exceptionMessageHasOneLinePerError() {
        String yaml = baseWith("seed: 1", "seed: one\nseed: 2");

        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> TestExperiments.load(yaml));

        assertEquals("exp.yaml:2:7: seed: expected an integer, got 'one'\n"
                + "exp.yaml:3:1: seed: duplicate key 'seed' (first at line 2)", e.getMessage());
    }

    @Test
    void reportsValuesOfTheWrongTypeWithTheTypeExpected() {
        String yaml = """
                experiment: study
                seed: 99999999999999999999
                repeats: [1]
                runtime: { device: cpu, threads: many }
                data: { download: maybe }
                output: { dir: runs }
                datasets:
                  mnist: { plugin: mnist }
                models:
                  alexnet: { plugin: alexnet }
                recipes:
                  train: { epochs: 1.5, batch_size: 8, optimizer: adamw, learning_rate: fast }
                pretrain:
                  - { models: alexnet, datasets: [mnist], recipe: train }
                attack:
                  data: { dataset: mnist }
                  labels: true-label
                  methods: [{ plugin: fgsm, eps: ~ }]
                metrics: [accuracy]
                """;

        assertEquals(List.of(
                "exp.yaml:2:7: seed: expected an integer between -9223372036854775808 and 9223372036854775807, "
                        + "got '99999999999999999999'",
                "exp.yaml:3:10: repeats: expected an integer, got a list",
                "exp.yaml:4:34: runtime.threads: expected an integer, got 'many'",
                "exp.yaml:5:19: data.download: expected true or false, got 'maybe'",
                "exp.yaml:6:9: output: expected a string, got a mapping",
                "exp.yaml:12:20: recipes.train.epochs: expected an integer, got '1.5'",
                "exp.yaml:12:51: recipes.train.optimizer: expected one of adam, sgd, got 'adamw'",
                "exp.yaml:12:73: recipes.train.learning_rate: expected a number, got 'fast'",
                "exp.yaml:14:15: pretrain[0].models: "
                        + "expected a list, got 'alexnet' (write [alexnet] for a list of one)",
                "exp.yaml:17:11: attack.labels: expected one of ground-truth, source-prediction, got 'true-label'",
                "exp.yaml:18:34: attack.methods[0].eps: expected a number, got null"), errors(yaml));
    }

    @Test
    void listsTheKnownKeysWhenNoneIsClose() {
        String yaml = baseWith("  data: { dataset: mnist, samples: 50 }",
                "  data: { dataset: mnist, samples: 50 }\n  weather: sunny");

        assertEquals(List.of("exp.yaml:16:3: attack.weather: unknown key 'weather'; "
                + "known keys: data, targets, sources, labels, methods"), errors(yaml));
    }

    @Test
    void suggestsTheSnakeCaseSpellingOfACamelCaseKey() {
        String yaml = baseWith("batch_size: 8", "batchSize: 8");

        assertEquals(List.of(
                "exp.yaml:9:10: recipes.train.batch_size: is required",
                "exp.yaml:9:23: recipes.train.batchSize: unknown key 'batchSize'; did you mean 'batch_size'?"),
                errors(yaml));
    }

    @Test
    void treatsSnakeCaseAndKebabCaseSpellingsOfOneKeyAsDuplicates() {
        String yaml = baseWith("batch_size: 8", "batch_size: 8, batch-size: 16");

        assertEquals(List.of("exp.yaml:9:38: recipes.train.batch_size: duplicate key 'batch-size' (first at line 9)"),
                errors(yaml));
    }

    @Test
    void reportsMissingRequiredKeysAtTheMappingThatLacksThem() {
        String yaml = baseWith("experiment: study\nseed: 1\n", "")
                .replace("{ epochs: 1, batch_size: 8,", "{ batch_size: 8,")
                .replace("{ plugin: fgsm, eps: 0.1 }", "{ plugin: fgsm }");

        assertEquals(List.of(
                "exp.yaml:1:1: experiment: is required",
                "exp.yaml:1:1: seed: is required",
                "exp.yaml:7:10: recipes.train: give epochs (passes over the training set) or steps (optimizer steps, "
                        + "the same for every subset size)",
                "exp.yaml:14:13: attack.methods[0].eps: is required"), errors(yaml));
    }

    @Test
    void reportsConstraintViolationsWithThePathOfTheValue() {
        String yaml = baseWith("experiment: study", "experiment: study\nruntime: { device: tpu }")
                .replace("epochs: 1,", "epochs: 0,")
                .replace("subset: [100]", "subset: [100, 0]")
                .replace("freeze: { first: 4 }", "freeze: { first: 4, last: 2 }")
                .replace("metrics: [accuracy]", "metrics: []");

        assertEquals(List.of(
                "exp.yaml:2:20: runtime.device: must be auto, cpu, gpu or gpu:N",
                "exp.yaml:10:20: recipes.train.epochs: must be greater than or equal to 1",
                "exp.yaml:14:66: finetune[0].subset[1]: must be greater than or equal to 1",
                "exp.yaml:14:78: finetune[0].freeze: give at most one of first, last and params",
                "exp.yaml:18:10: metrics: must not be empty"), errors(yaml));
    }

    @Test
    void rejectsScheduleOptionsThatDoNotBelongToItsKind() {
        String yaml = baseWith("learning_rate: 0.1 }\n", """
                learning_rate: 0.1, schedule: { kind: cosine, every: 2 } }
                  other: { epochs: 1, batch_size: 8, optimizer: sgd, learning_rate: 0.1, schedule: { kind: step } }
                """);

        assertEquals(List.of(
                "exp.yaml:9:85: recipes.train.schedule: every and gamma belong to kind: step only",
                "exp.yaml:10:84: recipes.other.schedule: kind: step needs every (epochs between decays)"),
                errors(yaml));
    }

    @Test
    void checksTheConstraintsOfPluginOptions() {
        String yaml = baseWith("alexnet: { plugin: alexnet }", "alexnet: { plugin: mixer, depth: 9 }");

        assertEquals(List.of("exp.yaml:7:36: models.alexnet.depth: must be less than or equal to 4"), errors(yaml));
    }

    @Test
    void rejectsAliasesThatAreNotSafeNames() {
        String yaml = TestExperiments.BASE.replace("  letters:", "  Letters Set:")
                .replace("[letters]", "[Letters Set]");

        assertEquals(List.of("exp.yaml:5:3: datasets.Letters Set: "
                + "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', "
                + "starting with a letter or digit"), errors(yaml));
    }

    @Test
    void rejectsAnExperimentNameThatIsNotASafeName() {
        String yaml = baseWith("experiment: study", "experiment: ../escape");

        assertEquals(List.of("exp.yaml:1:13: experiment: must be 1-64 characters of a-z, 0-9, '.', '_' or '-', "
                + "starting with a letter or digit"), errors(yaml));
    }

    @Test
    void requiresEveryPluginEntryToNameItsPlugin() {
        String yaml = baseWith("mnist: { plugin: mnist }", "mnist: { plugn: mnist }");

        assertEquals(List.of("exp.yaml:4:10: datasets.mnist.plugin: is required"), errors(yaml));
    }

    @Test
    void reportsAnExplicitNullWhereAValueIsRequired() {
        String yaml = baseWith("seed: 1", "seed:");

        assertEquals(List.of("exp.yaml:2:6: seed: must not be null"), errors(yaml));
    }

    @Test
    void requiresTheDocumentToBeAMapping() {
        assertEquals(List.of("exp.yaml:1:1: expected a mapping, got a list"), errors("- experiment: study\n"));
    }
}
