package org.transferlab.kernel.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A trained model's history from its {@code model.json}: one entry per epoch. */
record TrainingCurve(String modelId, List<Epoch> epochs) {

    record Epoch(int epoch, double loss, double trainAccuracy, double testAccuracy) {
    }

    TrainingCurve {
        epochs = List.copyOf(epochs);
    }

    static TrainingCurve read(Path modelJson) {
        JsonNode model = JsonFiles.read(modelJson);
        String id = JsonFiles.text(model, "id", modelJson, "the model");
        List<Epoch> epochs = new ArrayList<>();
        for (JsonNode epoch : model.path("history")) {
            epochs.add(new Epoch(epoch.path("epoch").asInt(epochs.size() + 1), JsonFiles.number(epoch, "loss"),
                    JsonFiles.number(epoch, "trainAccuracy"), JsonFiles.number(epoch, "testAccuracy")));
        }
        return new TrainingCurve(id, epochs);
    }
}
