package org.transferlab.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.PyTorchStateDict;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.SavedModelExport;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports a trained model (a models/<id>/ directory of a run) as a TensorFlow SavedModel with a "
                + "serving signature: images float32[batch, 28, 28, 1] in [0,1] -> logits float32[batch, classes]; "
                + "or, with --pytorch, as the state_dict of the original study's PyTorch module, saved through NumPy.",
                "In Python: tf.saved_model.load(OUT).signatures['serving_default'](images=x)['logits']",
                "or: model.load_state_dict({k: torch.from_numpy(v) for k, v in numpy.load(OUT.npz).items()}, "
                        + "strict=True), with the modules of examples/pytorch/study_models.py"})
final class ExportCommand implements Callable<Integer> {

    private static final int CHECK_IMAGES = 16;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A trained model's directory (models/<id>/).")
    Path modelDirectory;

    @Option(names = "--savedmodel", paramLabel = "OUT",
            description = "Directory to create for the SavedModel; must not exist.")
    Path output;

    @Option(names = "--pytorch", paramLabel = "OUT.npz",
            description = "File to write the PyTorch state_dict to (NumPy .npz); must not exist.")
    Path pytorch;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path modelJson = modelDirectory.resolve("model.json");
        Path weightsFile = modelDirectory.resolve("weights.npz");
        for (Path required : new Path[] {modelJson, weightsFile}) {
            if (!Files.isRegularFile(required)) {
                throw new BadInputException(required + " does not exist; MODEL_DIR must be a trained model's "
                        + "directory, e.g. runs/<experiment>/models/pretrain/alexnet@kmnist");
            }
        }
        if ((output == null) == (pytorch == null)) {
            throw new BadInputException("give one of --savedmodel OUT and --pytorch OUT.npz");
        }
        Path target = output != null ? output : pytorch;
        if (Files.exists(target)) {
            throw new BadInputException(target + " already exists; choose a new " + (output != null
                    ? "directory for the SavedModel" : "file for the state_dict"));
        }
        Object architectureJson = new ObjectMapper().readValue(modelJson.toFile(), Map.class).get("architecture");
        if (!(architectureJson instanceof Map<?, ?> map)) {
            throw new BadInputException(modelJson + " has no \"architecture\" entry (written by an older version?); "
                    + "re-run the training task with --force");
        }
        PluginRegistry registry = plugins.load();
        ModelSpec model = ModelSpec.fromJson(map, modelJson.toString(), registry);
        Architecture architecture = model.create(registry);
        Weights weights = Weights.read(weightsFile);
        if (pytorch != null) {
            return exportStateDict(architecture, weights, model);
        }

        SavedModelExport.export(architecture, weights, output);
        double difference = largestDifference(architecture, weights);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("exported %s (%s, %d classes) to %s%n", modelDirectory, model.plugin(), model.classes(), output);
        out.printf("signature '%s': %s float32[-1, 28, 28, 1] -> %s float32[-1, %d]; largest |logit difference| to "
                        + "the checkpoint on %d random images: %.2g%n", Signature.DEFAULT_KEY, SavedModelExport.INPUT,
                SavedModelExport.OUTPUT, model.classes(), CHECK_IMAGES, difference);
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes the state_dict and reads it back: the round trip must give the checkpoint's weights exactly. */
    private int exportStateDict(Architecture architecture, Weights weights, ModelSpec model) throws IOException {
        if (architecture.stateDict().isEmpty()) {
            throw new BadInputException("model plugin '" + model.plugin() + "' describes no PyTorch module, so it "
                    + "cannot be exported with --pytorch");
        }
        PyTorchStateDict.write(architecture, weights, pytorch);
        Weights back = PyTorchStateDict.read(architecture, pytorch);
        for (String name : back.names()) {
            if (!java.util.Arrays.equals(back.get(name).values(), weights.get(name).values())) {
                Files.deleteIfExists(pytorch);
                throw new IllegalStateException("the state_dict does not read back as the checkpoint (" + name
                        + " differs); nothing was written");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("exported %s (%s, %d classes) to %s: %d state_dict entries, read back bit for bit%n",
                modelDirectory, model.plugin(), model.classes(), pytorch, architecture.stateDict().size());
        out.flush();
        return ExitCodes.OK;
    }

    /** Loads the export back and compares its logits with the checkpoint's on a few random images. */
    private double largestDifference(Architecture architecture, Weights weights) throws IOException {
        float[] images = new float[CHECK_IMAGES * ImageSet.PIXELS];
        SplittableRandom random = new SplittableRandom(0);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        float[] expected;
        try (Network network = Network.forInference(architecture, weights, RuntimeOptions.cpu(0))) {
            expected = network.logits(images, CHECK_IMAGES);
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(output.toString(), SavedModelExport.TAG);
             TFloat32 input = TFloat32.tensorOf(Shape.of(CHECK_IMAGES, ImageSet.SIDE, ImageSet.SIDE, 1),
                     DataBuffers.of(images, true, false));
             Result result = bundle.function(Signature.DEFAULT_KEY).call(Map.of(SavedModelExport.INPUT, input))) {
            float[] served = new float[expected.length];
            ((TFloat32) result.get(SavedModelExport.OUTPUT).orElseThrow()).copyTo(DataBuffers.of(served, false, false));
            double largest = 0;
            for (int i = 0; i < served.length; i++) {
                largest = Math.max(largest, Math.abs(served[i] - expected[i]));
            }
            if (!(largest < 1e-3)) {
                throw new IllegalStateException("the SavedModel in " + output + " does not reproduce the checkpoint's "
                        + "logits (largest difference " + largest + "); it should not be used");
            }
            return largest;
        }
    }
}
