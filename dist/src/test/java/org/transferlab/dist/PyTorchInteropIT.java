package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.cli.Main;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.PyTorchStateDict;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.io.Npy;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.plugin.PluginRegistry;

/**
 * transferlab's models in the original study's PyTorch modules ({@code examples/pytorch/study_models.py}), checked with
 * Debian's {@code python3-torch}: each exported model loads with {@code strict=True}, gives the same logits within 1e-4
 * and the same predictions, and FGSM examples computed in PyTorch equal transferlab's wherever the gradient is not near
 * zero; a resnet trained in PyTorch and imported predicts what PyTorch predicts. Skipped without PyTorch, unless
 * {@code TRANSFERLAB_REQUIRE_PYTORCH=1} (CI), which turns its absence into a failure.
 */
class PyTorchInteropIT {

    private static final Path SCRIPT = Path.of(System.getProperty("transferlab.repository"), "dist", "src", "test",
            "python", "pytorch_interop.py");
    private static final int IMAGES = 24;
    private static final float EPS = 0.1f;
    private static final String STUDY = """
            experiment: interop
            seed: 3
            output: out
            runtime: { threads: 1 }
            datasets:
              glyphs: { plugin: synthetic, style: outline, train: 300, test: 100, seed: 1 }
            models:
              alexnet: { plugin: alexnet, init: pytorch }
              resnet: { plugin: resnet }
              mlp-mixer: { plugin: mlp-mixer, depth: 2 }
            recipes:
              quick: { epochs: 1, batch_size: 50, optimizer: adam, learning_rate: 0.001 }
            pretrain:
              - { models: [alexnet, resnet, mlp-mixer], datasets: [glyphs], recipe: quick }
            attack:
              data: { dataset: glyphs, samples: 20 }
              methods: [{ plugin: fgsm, eps: 0.1 }]
            metrics: [accuracy]
            """;

    @TempDir
    Path folder;

    private final PluginRegistry plugins = PluginRegistry.fromClassPath(getClass().getClassLoader());

    @Test
    void exportedModelsMatchPyTorchAndAModelTrainedInPyTorchImportsExactly() throws Exception {
        String python = pythonWithTorch();
        Files.writeString(folder.resolve("study.yaml"), STUDY);
        assertEquals(0, transferlab("run", folder.resolve("study.yaml").toString(), "--output",
                folder.resolve("out").toString()));
        Path exchange = Files.createDirectories(folder.resolve("exchange"));
        float[] images = randomImages();
        Files.write(exchange.resolve("images.npy"), Npy.encode(images, IMAGES, ImageSet.SIDE, ImageSet.SIDE, 1));
        Files.write(exchange.resolve("eps.npy"), Npy.encode(new float[] {EPS}));
        int[] labels = null;
        for (String model : List.of("alexnet", "resnet", "mlp-mixer")) {
            Path directory = folder.resolve("out/interop/models/pretrain~" + model + "@glyphs");
            assertEquals(0, transferlab("export", directory.toString(), "--pytorch",
                    exchange.resolve(model + ".npz").toString()));
            Architecture architecture = architecture(directory);
            try (Network network = Network.forInference(architecture, Weights.read(directory.resolve("weights.npz")),
                    RuntimeOptions.cpu(1))) {
                float[] logits = network.logits(images, IMAGES);
                if (labels == null) {
                    labels = network.predict(images, IMAGES);
                    Files.write(exchange.resolve("labels.npy"), Npy.encode(labels, IMAGES));
                }
                float[] gradient = network.lossGradient(images, labels);
                float[] fgsm = new float[images.length];
                for (int i = 0; i < images.length; i++) {
                    fgsm[i] = Math.min(1f, Math.max(0f, images[i] + EPS * Math.signum(gradient[i])));
                }
                Files.write(exchange.resolve(model + "-logits.npy"), Npy.encode(logits, IMAGES, network.numClasses()));
                Files.write(exchange.resolve(model + "-gradient.npy"), Npy.encode(gradient, IMAGES, 28, 28, 1));
                Files.write(exchange.resolve(model + "-fgsm.npy"), Npy.encode(fgsm, IMAGES, 28, 28, 1));
            }
        }

        String checked = runPython(python, "check", exchange);
        System.out.println(checked);
        assertEquals(3, checked.lines().filter(line -> line.contains("\"ok\": true")).count(), checked);

        runPython(python, "train", exchange);
        Architecture resnet = ModelSpec.bind("resnet", Map.of(), 10, "resnet", plugins).create(plugins);
        Weights imported = PyTorchStateDict.read(resnet, exchange.resolve("trained.npz"));
        float[] theirs = Npy.readFloats(exchange.resolve("trained-logits.npy")).values();
        try (Network network = Network.forInference(resnet, imported, RuntimeOptions.cpu(1))) {
            float[] ours = network.logits(images, IMAGES);
            assertArrayEquals(theirs, ours, 1e-4f, "the imported resnet computes PyTorch's logits");
            assertArrayEquals(argmax(theirs, 10), argmax(ours, 10), "and predicts the same");
        }

        // The same file as a model entry's weights: a pre-trained source without training.
        Files.writeString(folder.resolve("imported.yaml"), STUDY.replace("experiment: interop", "experiment: imported")
                .replace("  mlp-mixer: { plugin: mlp-mixer, depth: 2 }\n", "  resnet-torch: { plugin: resnet, weights: "
                        + exchange.resolve("trained.npz") + " }\n")
                .replace("models: [alexnet, resnet, mlp-mixer]", "models: [alexnet, resnet-torch]"));
        assertEquals(0, transferlab("run", folder.resolve("imported.yaml").toString(), "--output",
                folder.resolve("out").toString()));
        Path model = folder.resolve("out/imported/models/pretrain~resnet-torch@glyphs");
        assertTrue(Files.readString(model.resolve("model.json")).contains("\"importedFrom\""));
        try (Network network = Network.forInference(architecture(model), Weights.read(model.resolve("weights.npz")),
                RuntimeOptions.cpu(1))) {
            assertArrayEquals(theirs, network.logits(images, IMAGES), 1e-4f, "the imported source is PyTorch's model");
        }
    }

    private Architecture architecture(Path modelDirectory) throws Exception {
        Map<?, ?> json = new ObjectMapper().readValue(modelDirectory.resolve("model.json").toFile(), Map.class);
        return ModelSpec.fromJson((Map<?, ?>) json.get("architecture"), "model.json", plugins).create(plugins);
    }

    private static float[] randomImages() {
        SplittableRandom random = new SplittableRandom(11);
        float[] images = new float[IMAGES * ImageSet.PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        return images;
    }

    private static int[] argmax(float[] logits, int classes) {
        int[] best = new int[logits.length / classes];
        for (int i = 0; i < best.length; i++) {
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }

    private static int transferlab(String... arguments) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int status = Main.execute(arguments);
            if (status != 0) {
                out.println(printed.toString(StandardCharsets.UTF_8));
            }
            return status;
        } finally {
            System.setOut(out);
        }
    }

    private static String runPython(String python, String command, Path exchange) throws Exception {
        Process process = new ProcessBuilder(python, SCRIPT.toString(), command, exchange.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String pythonWithTorch() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process process = new ProcessBuilder(candidate, "-c", "import torch, numpy").redirectErrorStream(true)
                        .start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        String message = "no python3 with torch and numpy (Debian's python3-torch)";
        if ("1".equals(System.getenv("TRANSFERLAB_REQUIRE_PYTORCH"))) {
            fail("TRANSFERLAB_REQUIRE_PYTORCH=1 but " + message);
        }
        Assumptions.abort(message);
        return null;
    }
}
