package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.kernel.config.AttackBlock.AttackData;
import org.transferlab.kernel.config.AttackBlock.AttackLabels;
import org.transferlab.kernel.config.AttackBlock.SourceSelection;
import org.transferlab.kernel.config.AttackBlock.TargetSelection;
import org.transferlab.kernel.config.FakePlugins.FgsmOptions;
import org.transferlab.kernel.config.FakePlugins.LettersOptions;
import org.transferlab.kernel.config.FakePlugins.MixerOptions;
import org.transferlab.kernel.config.FakePlugins.PgdOptions;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

class ConfigLoaderBindingTest {

    private static final String STUDY = """
            experiment: pretraining-transferability
            seed: 1234
            repeats: 3
            runtime: { device: "gpu:0", threads: 4 }
            data: { root: ~/.transferlab/data, download: true }
            output: runs
            datasets:
              mnist: { plugin: mnist }
              letters: { plugin: letters, transpose: false }
              digits: { plugin: mnist }
            models:
              mixer: { plugin: mixer, depth: 2 }
              alexnet: { plugin: alexnet }
            recipes:
              pretrain: { epochs: 10, batch_size: 128, optimizer: adam, learning_rate: 0.001 }
              finetune: { epochs: 5, batch-size: 64, optimizer: SGD, learning-rate: 1e-4,
                          momentum: 0.9, weight_decay: 5e-4 }
            pretrain:
              - { models: [alexnet, mixer], datasets: [letters, digits], recipe: pretrain, subset: 1_000 }
            finetune:
              - from: { models: [alexnet], datasets: [letters] }
                dataset: mnist
                subset: [500, 1000]
                freeze: { first: 8 }
                recipe: finetune
              - { from: { models: [mixer] }, dataset: mnist, freeze: none, recipe: finetune }
              - { from: { models: [mixer] }, dataset: mnist, recipe: finetune,
                  freeze: { params: ["p1*", p29] } }
            attack:
              data: { dataset: mnist, split: test, samples: 200 }
              targets: finetuned
              sources: pretrained
              labels: source-prediction
              methods:
                - { plugin: fgsm, eps: 0.3 }
                - { plugin: pgd, eps: 0.3, step_size: 0.01, steps: 40, random_start: true }
            metrics: [accuracy, transfer-rate, fooling-rate]
            """;

    @Test
    void bindsScalarsAndSectionsOfAValidFile() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(STUDY);

        assertEquals("pretraining-transferability", config.experiment());
        assertEquals(1234L, config.seed());
        assertEquals(3, config.repeats());
        assertEquals(new RuntimeConfig("gpu:0", 4), config.runtime());
        assertEquals(new DataConfig("~/.transferlab/data", true), config.data());
        assertEquals("runs", config.output());
        assertEquals(List.of("accuracy", "transfer-rate", "fooling-rate"), config.metrics());
    }

    @Test
    void keepsTheFileOrderOfAliases() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(STUDY);

        assertEquals(List.of("mnist", "letters", "digits"), List.copyOf(config.datasets().keySet()));
        assertEquals(List.of("mixer", "alexnet"), List.copyOf(config.models().keySet()));
        assertEquals(List.of("pretrain", "finetune"), List.copyOf(config.recipes().keySet()));
    }

    @Test
    void bindsPluginEntriesToTheirOptionsRecords() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(STUDY);

        assertEquals(new PluginRef("mnist", List.of(new NoOptions())), config.datasets().get("mnist"));
        assertEquals(new PluginRef("letters", List.of(new LettersOptions(false))), config.datasets().get("letters"));
        assertEquals(new MixerOptions(2), config.models().get("mixer").options());
        assertEquals(
                List.of(new PluginRef("fgsm", List.of(new FgsmOptions(0.3))),
                        new PluginRef("pgd", List.of(new PgdOptions(0.3, 0.01, 40, true)))),
                config.attack().methods());
    }

    @Test
    void readsSnakeCaseAndKebabCaseKeysAndEnumsInAnyCase() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(STUDY);

        assertEquals(new Recipe(10, 128, OptimizerKind.ADAM, 0.001, null, null), config.recipes().get("pretrain"));
        assertEquals(new Recipe(5, 64, OptimizerKind.SGD, 1e-4, 0.9, 5e-4), config.recipes().get("finetune"));
        assertEquals(new AttackData("mnist", "test", 200), config.attack().data());
        assertEquals(TargetSelection.FINETUNED, config.attack().targets());
        assertEquals(SourceSelection.PRETRAINED, config.attack().sources());
        assertEquals(AttackLabels.SOURCE_PREDICTION, config.attack().labels());
    }

    @Test
    void bindsALearningRateSchedule() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(TestExperiments.baseWith("learning_rate: 0.1 }",
                "learning_rate: 0.1, schedule: { kind: cosine, min_learning_rate: 1e-5, warmup_epochs: 1 } }"));

        assertEquals(new Schedule(Schedule.Kind.COSINE, null, null, 1e-5, 1), config.recipes().get("train").schedule());
    }

    @Test
    void bindsTrainingBlocksAndTheFreezeForms() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(STUDY);

        assertEquals(
                List.of(new PretrainBlock(List.of("alexnet", "mixer"), List.of("letters", "digits"), "pretrain", 1000)),
                config.pretrain());
        assertEquals(new FinetuneBlock(new FinetuneBlock.From(List.of("alexnet"), List.of("letters")), "mnist",
                List.of(500, 1000), new Freeze(8, null, null), "finetune", null), config.finetune().get(0));
        assertSame(Freeze.NONE, config.finetune().get(1).freeze());
        assertEquals(List.of("p1*", "p29"), config.finetune().get(2).freeze().params());
    }

    @Test
    void leavesAbsentOptionalSettingsNull() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(TestExperiments.BASE);

        assertEquals(null, config.repeats());
        assertEquals(null, config.runtime());
        assertEquals(null, config.attack().labels());
        assertEquals(AttackLabels.SOURCE_PREDICTION, config.attack().labelsOrDefault());
        assertEquals(new LettersOptions(null), config.datasets().get("letters").options());
    }

    @Test
    void sharesValuesThroughAnchorsAndAliases() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(TestExperiments.baseWith(
                "  train: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }",
                "  train: &recipe { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }\n"
                        + "  again: *recipe"));

        assertEquals(config.recipes().get("train"), config.recipes().get("again"));
    }

    @Test
    void recordsTheFileAndTheSha256OfItsBytes(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("experiments.yaml");
        Files.writeString(file, STUDY);

        LoadedExperiment loaded = ConfigLoader.load(file, FakePlugins.catalog());

        assertEquals(file, loaded.file());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(STUDY.getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), loaded.sha256());
        assertEquals(TestExperiments.config(STUDY), loaded.config());
    }

    @Test
    void namesTheFileInErrors(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("experiments.yaml");
        Files.writeString(file, TestExperiments.baseWith("seed: 1", "seed: one"));

        assertEquals(List.of(file + ":2:7: seed: expected an integer, got 'one'"), errorsOf(file));
    }

    @Test
    void reportsAMissingFile(@TempDir Path directory) {
        Path file = directory.resolve("missing.yaml");

        assertEquals(List.of(file + ":1:1: the file does not exist"), errorsOf(file));
    }

    @Test
    void reportsAFileThatIsNotUtf8(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("latin1.yaml");
        Files.write(file, "experiment: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(List.of(file + ":1:1: the file is not UTF-8 text"), errorsOf(file));
    }

    private static List<String> errorsOf(Path file) {
        try {
            ConfigLoader.load(file, FakePlugins.catalog());
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected " + file + " to be rejected");
    }
}
