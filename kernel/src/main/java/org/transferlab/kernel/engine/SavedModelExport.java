package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;

/**
 * Writes a model as a TensorFlow SavedModel (tag {@value #TAG}) whose default serving signature maps
 * {@value #INPUT} (float32 [batch, 28, 28, 1] in [0,1]) to {@value #OUTPUT} (float32 [batch, classes]), in inference
 * mode. The weights are constants of the exported graph: TensorFlow Java's saver checkpoints only reference variables,
 * not the resource variables the training graph uses, and a serving graph needs no variables.
 */
public final class SavedModelExport {

    public static final String TAG = "serve";
    public static final String INPUT = "images";
    public static final String OUTPUT = "logits";

    private SavedModelExport() {
    }

    /** Exports into {@code directory}, which must not exist yet; nothing is left there if the export fails. */
    public static void export(Architecture architecture, Weights weights, Path directory) throws IOException {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(weights, "weights is null");
        requireNonNull(directory, "directory is null");
        if (Files.exists(directory)) {
            throw new IOException(directory + " already exists; the SavedModel needs a new directory");
        }
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path working = Files.createTempDirectory(parent, "." + directory.getFileName() + ".tmp");
        Files.delete(working);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> images = tf.withName(INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, ImageSet.SIDE, ImageSet.SIDE, 1)));
            Operand<TFloat32> logits = tf.withName(OUTPUT).identity(
                    architecture.logits(new FixedWeights(tf, name -> constant(tf, weights, name)), images, false));
            Signature signature = Signature.builder()
                    .key(Signature.DEFAULT_KEY)
                    .methodName("tensorflow/serving/predict")
                    .input(INPUT, images)
                    .output(OUTPUT, logits)
                    .build();
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(working.toString())
                        .withTags(TAG)
                        .withFunction(SessionFunction.create(signature, session))
                        .export();
            }
            Files.move(working, directory);
        } finally {
            deleteRecursively(working);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** A tensor of the weights as a constant of the exported graph. */
    private static Operand<TFloat32> constant(Ops tf, Weights weights, String name) {
        if (!weights.contains(name)) {
            throw new IllegalArgumentException("the weights have no tensor " + name);
        }
        WeightTensor tensor = weights.get(name);
        return tf.withSubScope("weights").withName(name).constant(Shape.of(tensor.shape()),
                DataBuffers.of(tensor.values(), true, false));
    }
}
