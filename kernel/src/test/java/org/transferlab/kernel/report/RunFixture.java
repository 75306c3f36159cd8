package org.transferlab.kernel.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A hand-written run directory: the JSON files {@code transferlab run} writes, with chosen numbers, so that report
 * tests know every value they should find.
 */
final class RunFixture {

    static final String PARENT = "pretrain/alexnet@outline";
    static final String OTHER = "pretrain/alexnet@inverted";

    private final Path directory;
    private final List<String> rows = new ArrayList<>();

    RunFixture(Path directory) {
        this.directory = directory;
    }

    static String target(int subset, String freeze) {
        return "finetune/alexnet@outline>digits-n" + subset + "-" + freeze;
    }

    /** A result row of a fine-tuned target; the rates are fractions. */
    RunFixture row(int subset, String freeze, String source, double budget, double clean, double adversarial,
            double transfer) {
        String attack = "fgsm-eps" + budget;
        rows.add(String.format(Locale.ROOT, """
                {
                  "target": "%s", "source": "%s", "parent": %s, "attack": "%s", "repeat": 1, "images": 200,
                  "setting": { "targetKind": "finetune", "targetModel": "alexnet", "targetDataset": "digits",
                    "targetSubset": %d, "targetFreeze": "%s", "targetParent": "%s", "sourceModel": "alexnet",
                    "sourceDataset": "%s", "attackPlugin": "fgsm", "budgetNorm": "LINF", "budget": %s },
                  "metrics": {
                    "clean_accuracy": { "value": %s, "lower": 0.9, "upper": 1.0, "successes": 190, "trials": 200 },
                    "adversarial_accuracy": { "value": %s, "lower": 0.1, "upper": 0.9, "successes": 100, "trials": 200 },
                    "transfer_rate": { "value": %s, "lower": %.2f, "upper": %.2f, "successes": 50, "trials": 190 },
                    "linf_mean": { "value": %s }
                  }
                }""", target(subset, freeze), source, source.equals(PARENT), attack, subset, freeze, PARENT,
                source.substring(source.indexOf('@') + 1), budget, clean, adversarial, transfer, transfer - 0.05,
                transfer + 0.05, budget));
        return this;
    }

    /** Writes results.json (and returns this fixture for the optional files). */
    RunFixture writeResults() throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.json"), "[" + String.join(",", rows) + "]");
        return this;
    }

    RunFixture writeManifest() throws IOException {
        Files.writeString(directory.resolve("manifest.json"), """
                { "experiment": "fixture", "created": "2026-01-02T03:04:05Z", "fileSha256": "abc123", "seed": 7,
                  "repeats": 1, "tensorflow": "2.18.0", "device": "cpu", "threads": 2, "precision": "FLOAT32",
                  "transferlab": "9.9.9", "pluginApi": "1.3" }""");
        return this;
    }

    RunFixture writeVerdicts(String json) throws IOException {
        Files.writeString(directory.resolve("verdicts.json"), json);
        return this;
    }

    RunFixture writeModel(String directoryName, String id, String history) throws IOException {
        Path model = Files.createDirectories(directory.resolve("models").resolve(directoryName));
        Files.writeString(model.resolve("model.json"), "{ \"id\": \"" + id + "\", \"history\": " + history + " }");
        return this;
    }

    RunFixture writePreview(String directoryName, String id, String source, double eps) throws IOException {
        Path attack = Files.createDirectories(directory.resolve("adversarial").resolve(directoryName));
        Files.writeString(attack.resolve("meta.json"), String.format(Locale.ROOT, """
                { "id": "%s", "source": "%s", "attack": "fgsm", "options": { "eps": %s },
                  "budget": { "norm": "LINF", "epsilon": %s } }""", id, source, eps, (double) (float) eps));
        BufferedImage image = new BufferedImage(24, 9, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Files.write(attack.resolve("preview.png"), png.toByteArray());
        return this;
    }

    /** Two fine-tuned targets (subsets 100 and 400, first8) attacked by the parent and one other source at two budgets. */
    static RunFixture complete(Path directory) throws IOException {
        return new RunFixture(directory)
                .row(100, "first8", PARENT, 0.1, 0.95, 0.70, 0.26)
                .row(100, "first8", PARENT, 0.2, 0.95, 0.30, 0.68)
                .row(100, "first8", OTHER, 0.1, 0.95, 0.90, 0.05)
                .row(100, "first8", OTHER, 0.2, 0.95, 0.40, 0.57)
                .row(400, "first8", PARENT, 0.1, 0.98, 0.75, 0.23)
                .row(400, "first8", PARENT, 0.2, 0.98, 0.35, 0.64)
                .row(400, "first8", OTHER, 0.1, 0.98, 0.92, 0.06)
                .row(400, "first8", OTHER, 0.2, 0.98, 0.45, 0.54)
                .writeResults()
                .writeManifest()
                .writeVerdicts(VERDICTS)
                .writeModel("alexnet@outline", PARENT, """
                        [ { "epoch": 1, "loss": 1.2, "trainAccuracy": 0.6, "testAccuracy": 0.7 },
                          { "epoch": 2, "loss": 0.4, "trainAccuracy": 0.9, "testAccuracy": 0.88 } ]""")
                .writePreview("alexnet@outline~fgsm-eps0.1", "attack/alexnet@outline/fgsm-eps0.1", PARENT, 0.1);
    }

    static final String VERDICTS = """
            [ { "target": "finetune/alexnet@outline>digits-n100-first8", "parent": "pretrain/alexnet@outline",
                "attack": "fgsm-eps0.1", "repeat": 1, "verdict": "better-than-all", "decidedBy": "mcnemar",
                "alpha": 0.05,
                "comparisons": [ { "source": "pretrain/alexnet@inverted", "difference": 0.2105, "lower": 0.15,
                                   "upper": 0.27, "p": 2.7e-18, "adjustedP": 2.7e-18, "outcome": "parent-better" } ] },
              { "target": "finetune/alexnet@outline>digits-n100-first8", "parent": "pretrain/alexnet@outline",
                "attack": "fgsm-eps0.2", "repeat": 1, "verdict": "no-difference", "decidedBy": "mcnemar",
                "alpha": 0.05,
                "comparisons": [ { "source": "pretrain/alexnet@inverted", "difference": -0.02, "lower": -0.051,
                                   "upper": 0.011, "p": 0.24509, "adjustedP": 0.24509, "outcome": "no-difference" } ] } ]
            """;
}
