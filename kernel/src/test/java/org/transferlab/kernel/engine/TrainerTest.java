package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

class TrainerTest {

    private static final int CLASSES = 4;
    private static final Architecture MODEL = new TwoLayerPerceptron(8, CLASSES);
    private static final ImageSet TRAINING = SyntheticImages.rowBands(20, CLASSES, 1);
    private static final ImageSet TEST = SyntheticImages.rowBands(12, CLASSES, 2);

    @Test
    void aStepBudgetTrainsExactlyThatManyStepsEndingPartWayThroughAPass() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = recording(events, false);
        Recipe sevenSteps = new Recipe(null, 8, OptimizerKind.ADAM, 0.01, null, null, null, 7);
        TrainingResult result = train(sevenSteps, 3, listener);
        assertEquals(List.of("start 3x3", "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1"), events,
                "20 images in batches of 8 are 3 steps a pass: 7 steps are two passes and one step");
        assertEquals(3, result.history().size());

        Recipe twoEpochs = recipe(2, 8, 0.01);
        Recipe sixSteps = new Recipe(null, 8, OptimizerKind.ADAM, 0.01, null, null, null, 6);
        assertEquals(train(twoEpochs, 3, TrainingListener.NONE).weights(),
                train(sixSteps, 3, TrainingListener.NONE).weights(), "6 steps are exactly 2 passes here");
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndHistory() {
        Recipe recipe = recipe(2, 8, 0.01);
        TrainingResult first = train(recipe, 7, TrainingListener.NONE);
        TrainingResult second = train(recipe, 7, TrainingListener.NONE);
        assertEquals(first.weights(), second.weights());
        assertEquals(losses(first), losses(second));
        assertNotEquals(first.weights(), train(recipe, 8, TrainingListener.NONE).weights());
    }

    @Test
    void everyEpochVisitsEveryImageOnceIncludingTheLastPartialBatch() {
        List<String> events = new ArrayList<>();
        TrainingListener listener = recording(events, true);
        train(recipe(2, 8, 0.01), 3, listener);
        assertEquals(List.of("start 2x3", "1.1", "1.2", "1.3", "end 1", "2.1", "2.2", "2.3", "end 2"), events);
    }

    @Test
    void shufflingIsASeededPermutationThatChangesEachEpoch() {
        int[] epochOne = Trainer.shuffledOrder(50, 11, 1);
        assertArrayEquals(epochOne, Trainer.shuffledOrder(50, 11, 1));
        assertArrayEquals(IntStream.range(0, 50).toArray(), Arrays.stream(epochOne).sorted().toArray());
        assertTrue(!Arrays.equals(epochOne, Trainer.shuffledOrder(50, 11, 2)));
        assertTrue(!Arrays.equals(epochOne, Trainer.shuffledOrder(50, 12, 1)));
    }

    @Test
    void recordsLossAccuracyAndThroughputPerEpoch() {
        TrainingResult result = train(recipe(6, 4, 0.01), 5, TrainingListener.NONE);
        List<EpochRecord> history = result.history();

        assertEquals(List.of(1, 2, 3, 4, 5, 6), history.stream().map(EpochRecord::epoch).toList());
        assertTrue(history.get(5).loss() < history.get(0).loss() / 2, history.toString());
        assertTrue(history.get(5).testAccuracy() >= 0.9, history.toString());
        assertTrue(history.get(5).trainAccuracy() >= 0.9, history.toString());
        for (EpochRecord record : history) {
            assertTrue(record.seconds() > 0 && record.imagesPerSecond() > 0, record.toString());
        }
    }

    @Test
    void aRequestedCancellationStopsTrainingAfterTheCurrentStep() {
        Cancellation cancellation = new Cancellation();
        List<String> steps = new ArrayList<>();
        TrainingListener cancelDuringSecondStep = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, StepResult result) {
                steps.add(epoch + "." + batch);
                if (batch == 2) {
                    cancellation.request("SIGINT");
                }
            }

            @Override
            public void trainingEnded() {
                steps.add("ended");
            }
        };
        Recipe recipe = recipe(2, 8, 0.01);
        try (Network network = Network.forTraining(MODEL, Weights.initialize(MODEL, 1), OptimizerSettings.from(recipe),
                Set.of(), RuntimeOptions.cpu(1))) {
            Trainer trainer = new Trainer(recipe, cancelDuringSecondStep, cancellation);
            CancelledException stopped = assertThrows(CancelledException.class, () -> trainer.train(network, TRAINING, 1));
            assertEquals("SIGINT", stopped.reason());
        }
        assertEquals(List.of("1.1", "1.2", "ended"), steps, "the listener hears of the end, to close its progress bar");
    }

    @Test
    void testAccuracyIsNaNWithoutATestSet() {
        Recipe recipe = recipe(1, 8, 0.01);
        try (Network network = Network.forTraining(MODEL, Weights.initialize(MODEL, 1), OptimizerSettings.from(recipe),
                Set.of(), RuntimeOptions.cpu(1))) {
            TrainingResult result = new Trainer(recipe, TrainingListener.NONE).train(network, TRAINING, 1);
            assertTrue(Double.isNaN(result.history().get(0).testAccuracy()));
        }
    }

    /** Records "start EPOCHSxBATCHES", "EPOCH.BATCH" and, with {@code epochs}, "end EPOCH". */
    private static TrainingListener recording(List<String> events, boolean epochs) {
        return new TrainingListener() {
            @Override
            public void trainingStarted(int epochCount, int batchesPerEpoch) {
                events.add("start " + epochCount + "x" + batchesPerEpoch);
            }

            @Override
            public void batchFinished(int epoch, int batch, StepResult result) {
                events.add(epoch + "." + batch);
            }

            @Override
            public void epochFinished(EpochRecord record) {
                if (epochs) {
                    events.add("end " + record.epoch());
                }
            }
        };
    }

    private static TrainingResult train(Recipe recipe, long seed, TrainingListener listener) {
        try (Network network = Network.forTraining(MODEL, Weights.initialize(MODEL, seed),
                OptimizerSettings.from(recipe), Set.of(), RuntimeOptions.cpu(2))) {
            return new Trainer(recipe, listener).train(network, TRAINING, TEST, seed);
        }
    }

    private static Recipe recipe(int epochs, int batchSize, double learningRate) {
        return new Recipe(epochs, batchSize, OptimizerKind.ADAM, learningRate, null, null);
    }

    private static List<Double> losses(TrainingResult result) {
        return result.history().stream().map(EpochRecord::loss).toList();
    }
}
