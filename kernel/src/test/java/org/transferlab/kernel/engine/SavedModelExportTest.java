package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

class SavedModelExportTest {

    private static final int CLASSES = 4;
    private static final RuntimeOptions CPU = RuntimeOptions.cpu(1);
    private static final LinearSoftmax MODEL = new LinearSoftmax(CLASSES);

    private final float[] images = SyntheticImages.disjointImages(3);
    private final int[] labels = {2, 0, 3};

    @Test
    void servingSignatureGivesTheLogitsOfTheTrainedModelWithItsState(@TempDir Path directory) throws Exception {
        Weights trained;
        try (Network network = Network.forTraining(MODEL, Weights.initialize(MODEL, 42),
                new OptimizerSettings(OptimizerKind.ADAM, 0.9, 0), Set.of(), CPU)) {
            network.trainStep(images, labels, 0.01f);
            trained = network.snapshot();
        }
        assertFalse(trained.get(LinearSoftmax.RUNNING_MEAN).values()[0] == 0f, "training moved the state");
        float[] expected;
        try (Network network = Network.forInference(MODEL, trained, CPU)) {
            expected = network.logits(images, labels.length);
        }

        Path exported = directory.resolve("savedmodel");
        SavedModelExport.export(MODEL, trained, exported);

        assertTrue(Files.isRegularFile(exported.resolve("saved_model.pb")));
        try (SavedModelBundle bundle = SavedModelBundle.load(exported.toString(), SavedModelExport.TAG);
             TFloat32 input = TFloat32.tensorOf(Shape.of(labels.length, 28, 28, 1), DataBuffers.of(images));
             Result result = bundle.function(Signature.DEFAULT_KEY)
                     .call(Map.of(SavedModelExport.INPUT, input))) {
            TFloat32 logits = (TFloat32) result.get(SavedModelExport.OUTPUT).orElseThrow();
            assertEquals(Shape.of(labels.length, CLASSES), logits.shape());
            float[] served = new float[labels.length * CLASSES];
            logits.copyTo(DataBuffers.of(served, false, false));
            // TensorFlow folds the constant weights' arithmetic ahead of time, so the last bit may differ.
            assertArrayEquals(expected, served, 1e-5f);
        }
    }

    @Test
    void refusesAnExistingDirectoryAndLeavesNothingBehind(@TempDir Path directory) throws IOException {
        Path existing = Files.createDirectory(directory.resolve("out"));
        IOException e = assertThrows(IOException.class,
                () -> SavedModelExport.export(MODEL, Weights.initialize(MODEL, 1), existing));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }
}
