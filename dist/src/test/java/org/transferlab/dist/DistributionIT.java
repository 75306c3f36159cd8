package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/** The packaged distribution, started through bin/transferlab from an unrelated directory, as a user would. */
class DistributionIT {

    @TempDir
    static Path temp;

    static Path distribution;

    @BeforeAll
    static void copyDistribution() throws IOException {
        distribution = temp.resolve("transferlab");
        TreeCopy.copy(Launcher.built(), distribution);
    }

    static Outcome transferlab(Path workingDirectory, String... arguments) throws Exception {
        return Launcher.run(distribution, workingDirectory, arguments);
    }

    @Test
    void pluginsListsEveryBuiltInPluginWithKindVersionAndJar() throws Exception {
        Outcome outcome = transferlab(temp, "plugins");
        assertEquals(0, outcome.exitCode(), outcome.output());
        String[][] expected = {
            {"dataset", "synthetic", "datasets"}, {"dataset", "mnist", "datasets"},
            {"dataset", "fashion-mnist", "datasets"}, {"dataset", "kmnist", "datasets"},
            {"model", "alexnet", "models"}, {"model", "resnet", "models"}, {"model", "mlp-mixer", "models"},
            {"attack", "fgsm", "attacks"},
            {"metric", "accuracy", "metrics"}, {"metric", "transfer-rate", "metrics"},
        };
        for (String[] plugin : expected) {
            String jar = distribution.resolve("plugins").resolve(plugin[2]) + "/transferlab-" + plugin[2] + "-";
            assertTrue(outcome.output().lines().anyMatch(line -> line.matches(plugin[0] + " +" + plugin[1] + " +0\\.1\\.0-SNAPSHOT +.*")
                    && line.contains(jar)), plugin[1] + " missing or wrong in:\n" + outcome.output());
        }
        assertFalse(outcome.output().contains("not loaded"), outcome.output());
    }

    @Test
    void aPluginsPrivateLibrariesLiveInItsFolderNotInTheSharedLib() throws Exception {
        try (Stream<Path> datasets = Files.list(distribution.resolve("plugins/datasets"));
             Stream<Path> lib = Files.list(distribution.resolve("lib"))) {
            assertTrue(datasets.anyMatch(jar -> jar.getFileName().toString().startsWith("xz-")),
                    "the XZ reader ships with the dataset plugins");
            assertTrue(lib.noneMatch(jar -> jar.getFileName().toString().startsWith("xz-")
                    || jar.getFileName().toString().startsWith("transferlab-datasets")),
                    "lib/ holds only the kernel and the shared runtime");
        }
    }

    @Test
    void modelsDescribePrintsEachModelsParameterTable() throws Exception {
        Object[][] expected = {
            {new String[] {"alexnet"}, "16 parameter tensors", " +15 +fc8\\.bias +\\[10\\] .*"},
            {new String[] {"resnet", "--classes", "47"}, "32 parameter tensors", " +31 +fc\\.bias +\\[47\\] .*"},
            {new String[] {"mlp-mixer"}, "18 parameter tensors", " +17 +head\\.bias +\\[10\\] .*"},
            {new String[] {"mlp-mixer", "depth=2"}, "30 parameter tensors",
                " +14 +mixer2\\.token1\\.weight +\\[49, 196\\] .*"},
        };
        for (Object[] model : expected) {
            List<String> arguments = new ArrayList<>(List.of("models", "describe"));
            arguments.addAll(List.of((String[]) model[0]));
            Outcome outcome = transferlab(temp, arguments.toArray(String[]::new));
            assertEquals(0, outcome.exitCode(), outcome.output());
            assertTrue(outcome.output().contains((String) model[1]), outcome.output());
            assertTrue(outcome.output().lines().anyMatch(line -> line.matches((String) model[2])), outcome.output());
        }
        Outcome resnet = transferlab(temp, "models", "describe", "resnet");
        assertTrue(resnet.output().contains("18 state tensors"), resnet.output());

        Outcome typo = transferlab(temp, "models", "describe", "mlp-mixer", "depht=2");
        assertEquals(2, typo.exitCode(), typo.output());
        assertTrue(typo.output().contains("did you mean 'depth'?"), typo.output());
    }

    @Test
    void doctorNamesTensorFlowTheCpuNativesAndTheCpuDevice() throws Exception {
        Outcome outcome = transferlab(temp, "doctor", "--device", "cpu");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("tensorflow +2\\.[0-9]+\\.[0-9]+")),
                outcome.output());
        assertTrue(outcome.output().contains("linux-x86_64, CPU"), outcome.output());
        assertTrue(outcome.output().contains("device:CPU:0"), outcome.output());
    }

    @Test
    void benchTrainComparesTheFrameworkLoopWithABareStep() throws Exception {
        Outcome outcome = transferlab(temp, "bench", "train", "--model", "mlp-mixer", "--batch", "16", "--steps", "2",
                "--rounds", "1", "--warmup", "1", "--precision", "float32,mixed-bfloat16");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("forward FLOPs per image: 6."), outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("auto +float32 +off +[0-9]+ +[0-9]+ .*")),
                outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("auto +mixed-bfloat16 +off +[0-9]+ .*")),
                outcome.output());
    }

    @Test
    void benchAttackCountsTheGradientEvaluationsOfEachAttack() throws Exception {
        Outcome outcome = transferlab(temp, "bench", "attack", "--model", "mlp-mixer", "--images", "32", "--batch", "16",
                "--rounds", "1", "--attacks", "fgsm,pgd:steps=2");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("fgsm +[0-9.]+ +1\\.00 +[0-9]+")),
                outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("pgd:steps=2 +[0-9.]+ +2\\.00 +[0-9]+")),
                outcome.output());
    }

    @Test
    void benchProfileBreaksATrainingStepDownByOpTypeAndPhase() throws Exception {
        Outcome outcome = transferlab(temp, "bench", "profile", "--model", "resnet", "--batch", "8", "--steps", "1",
                "--warmup", "1");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches("backward +[0-9.]+ +[0-9.]+% +[0-9.]+")),
                outcome.output());
        assertTrue(outcome.output().lines().anyMatch(line -> line.matches(".*Conv2D.* +[0-9.]+ +[0-9.]+% +[0-9.]+")),
                outcome.output());
    }

    @Test
    void planEstimateMeasuresThisMachineOnceAndPricesEveryTaskKind() throws Exception {
        Path study = Files.createDirectories(temp.resolve("estimated"));
        Files.writeString(study.resolve("study.yaml"), SyntheticStudy.yaml("estimated", 3, "[100]", 40));
        Path calibration = temp.resolve("calibration");

        Outcome first = transferlab(study, "plan", "study.yaml", "--estimate", "--calibration", calibration.toString());
        Outcome second = transferlab(study, "plan", "study.yaml", "--estimate", "--calibration", calibration.toString());

        assertEquals(0, first.exitCode(), first.output());
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(first.output().lines().anyMatch(line -> line.matches("[1-9][0-9]* speeds measured now, 0 kept in .*")),
                first.output());
        assertTrue(second.output().lines().anyMatch(line -> line.matches("0 speeds measured now, [1-9][0-9]* kept in .*")),
                second.output());
        for (String kind : new String[] {"pretrain", "finetune", "attack", "evaluate", "total"}) {
            assertTrue(second.output().lines().anyMatch(line -> line.matches(kind + " +[0-9]+ +[0-9]+ +[0-9].* s +.*")),
                    kind + " in\n" + second.output());
        }
    }

    @Test
    void versionNamesTheKernelAndApi() throws Exception {
        Outcome outcome = transferlab(temp, "--version");
        assertEquals(0, outcome.exitCode());
        assertEquals("transferlab 0.1.0-SNAPSHOT (plugin API 1.6)", outcome.output().strip());
    }

    @Test
    void theExamplePluginDroppedIntoPluginsIsListedAndRunsInAnExperiment() throws Exception {
        Path example = Path.of(System.getProperty("transferlab.example.jar"));
        Files.copy(example, distribution.resolve("plugins").resolve(example.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Outcome plugins = transferlab(temp, "plugins");
        assertTrue(plugins.output().lines().anyMatch(line -> line.matches("attack +random-sign +1\\.0\\.0 +.*random-sign-attack-1\\.0\\.0\\.jar")),
                plugins.output());

        Path study = Files.createDirectories(temp.resolve("study"));
        Files.writeString(study.resolve("experiments.yaml"), """
                experiment: example-plugin
                seed: 7
                output: out
                datasets:
                  source: { plugin: synthetic, style: outline, train: 400, test: 100, seed: 1 }
                  target: { plugin: synthetic, style: stroke, train: 400, test: 200, seed: 2 }
                models:
                  alexnet: { plugin: alexnet }
                recipes:
                  quick: { epochs: 1, batch_size: 50, optimizer: adam, learning_rate: 0.001 }
                pretrain:
                  - { models: [alexnet], datasets: [source], recipe: quick }
                finetune:
                  - { from: { models: [alexnet] }, dataset: target, subset: [200], freeze: { first: 4 }, recipe: quick }
                attack:
                  data: { dataset: target, split: test, samples: 60 }
                  methods:
                    - { plugin: random-sign, eps: 0.2 }
                    - { plugin: fgsm, eps: 0.2 }
                metrics: [accuracy, transfer-rate]
                """);
        Outcome first = transferlab(study, "run");
        assertEquals(0, first.exitCode(), first.output());
        String results = Files.readString(study.resolve("out/example-plugin/results.csv"));
        assertTrue(results.contains(",attack/alexnet@source/random-sign-eps0.2") || results.contains(",random-sign-eps0.2,"), results);
        assertEquals(3, results.lines().count(), "a header and one row per attack setting:\n" + results);

        Outcome export = transferlab(study, "export", "out/example-plugin/models/pretrain~alexnet@source",
                "--savedmodel", "exported");
        assertEquals(0, export.exitCode(), export.output());
        assertTrue(Files.isRegularFile(study.resolve("exported/saved_model.pb")), export.output());
        assertTrue(export.output().contains("largest |logit difference| to the checkpoint"), export.output());

        Outcome second = transferlab(study, "run");
        assertEquals(0, second.exitCode(), second.output());
        assertFalse(second.output().contains(": running"), "the second run trains and attacks nothing:\n" + second.output());
        assertEquals(results, Files.readString(study.resolve("out/example-plugin/results.csv")));
    }

    @Test
    void theRepositorysStudyFileIsValidAndPlansTheWholeStudy() throws Exception {
        Path studyFile = Path.of(System.getProperty("transferlab.repository")).resolve("experiments.yaml");
        Outcome validate = transferlab(temp, "validate", studyFile.toString());
        assertEquals(0, validate.exitCode(), validate.output());
        Outcome plan = transferlab(temp, "plan", studyFile.toString(), "--output", temp.resolve("study-runs").toString());
        assertEquals(0, plan.exitCode(), plan.output());
        // 9 pre-trained models, 30 fine-tuned, 4 baselines, 36 attacks, 34 × 36 evaluations, 30 × 4 comparisons.
        assertTrue(plan.output().contains("1423 tasks: 0 cached, 1423 pending"), plan.output());
        for (String id : List.of("pretrain/resnet@emnist-letters", "finetune/resnet@kmnist>mnist-n60000-first23-bnadapt",
                "baseline/alexnet@mnist-n20000", "attack/resnet@svhn/pgd-eps0.3-stepsize0.01-steps40-randomstarttrue",
                "compare/alexnet@fmnist>mnist-n500-first8/fgsm-eps0.3")) {
            assertTrue(plan.output().contains(id), id + " is planned:\n" + plan.output());
        }
        assertFalse(Files.exists(temp.resolve("study-runs")), "planning writes nothing");
    }

    @Test
    void aBadExperimentFileExitsWithStatusTwoAndWritesNothing() throws Exception {
        Path study = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(study.resolve("experiments.yaml"), """
                experiment: bad
                seed: 1
                output: out
                datasets:
                  d: { plugin: synthetic, styel: outline }
                models:
                  m: { plugin: alexnett }
                recipes:
                  r: { epochs: ten, batch_size: 8, optimizer: adam, learning_rate: 0.01 }
                pretrain:
                  - { models: [m], datasets: [d], recipe: r }
                attack:
                  data: { dataset: d }
                  methods:
                    - { plugin: fgsm }
                metrics: [accuracy]
                """);
        Outcome outcome = transferlab(study, "run");
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("experiments.yaml:5:"), outcome.output());
        assertTrue(outcome.output().contains("experiments.yaml:7:"), outcome.output());
        assertTrue(outcome.output().contains("experiments.yaml:9:"), outcome.output());
        assertFalse(Files.exists(study.resolve("out")), "nothing is written for a bad file");
    }
}
