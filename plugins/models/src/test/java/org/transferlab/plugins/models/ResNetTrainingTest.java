package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.LoggingTrainingListener;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingResult;
import org.transferlab.kernel.engine.Weights;

class ResNetTrainingTest {

    @Test
    void learnsATenClassImageTaskFarAboveChanceAndEvaluatesWithItsMovingStatistics() {
        Architecture resnet = new ResNetProvider().create(ConvNetOptions.DEFAULTS, BlobImages.CLASSES);
        ImageSet training = BlobImages.generate(400, 1);
        ImageSet test = BlobImages.generate(100, 2);
        Recipe recipe = new Recipe(3, 16, OptimizerKind.ADAM, 3e-3, null, null);

        TrainingResult result;
        try (Network network = Network.forTraining(resnet, Weights.initialize(resnet, 3),
                OptimizerSettings.from(recipe), Set.of(), RuntimeOptions.cpu(2))) {
            result = new Trainer(recipe, new LoggingTrainingListener("resnet@blobs")).train(network, training, test, 3);
        }

        EpochRecord first = result.history().get(0);
        EpochRecord last = result.history().get(result.history().size() - 1);
        assertTrue(last.loss() < first.loss() / 2, result.history().toString());
        assertTrue(last.testAccuracy() > 0.8, result.history().toString());
    }
}
