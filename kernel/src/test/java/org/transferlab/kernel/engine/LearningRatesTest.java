package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.config.Schedule;
import org.transferlab.kernel.config.Schedule.Kind;

class LearningRatesTest {

    private static LearningRates rates(int epochs, Schedule schedule, int stepsPerEpoch) {
        return new LearningRates(new Recipe(epochs, 32, OptimizerKind.ADAM, 0.1, null, null, schedule), stepsPerEpoch);
    }

    @Test
    void withoutScheduleEveryStepUsesTheRecipeRate() {
        LearningRates rates = rates(3, null, 5);
        for (long step = 0; step < 15; step++) {
            assertEquals(0.1f, rates.rate(step));
        }
    }

    @Test
    void stepScheduleMultipliesByGammaAfterEveryEEpochs() {
        LearningRates rates = rates(5, new Schedule(Kind.STEP, 2, 0.5, null, null), 4);
        float[] expectedPerEpoch = {0.1f, 0.1f, 0.05f, 0.05f, 0.025f};
        for (int epoch = 0; epoch < 5; epoch++) {
            for (int step = 0; step < 4; step++) {
                assertEquals(expectedPerEpoch[epoch], rates.rate(epoch * 4L + step), 1e-9, "epoch " + (epoch + 1));
            }
        }
    }

    @Test
    void cosineScheduleFallsFromTheRateToTheMinimumAlongHalfACosine() {
        // 2 epochs of 3 steps: progress 0, 1/6, ..., 5/6 over the 6 steps.
        LearningRates rates = rates(2, new Schedule(Kind.COSINE, null, null, 0.01, null), 3);
        for (int step = 0; step < 6; step++) {
            double expected = 0.01 + 0.5 * 0.09 * (1 + Math.cos(Math.PI * step / 6.0));
            assertEquals(expected, rates.rate(step), 1e-7, "step " + step);
        }
        assertEquals(0.1f, rates.rate(0));
    }

    @Test
    void cosineToZeroStillLearnsOnTheLastStep() {
        LearningRates rates = rates(1, new Schedule(Kind.COSINE, null, null, null, null), 100);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), rates.rate(99), 1e-9);
        assertTrue(rates.rate(99) > 0);
    }

    @Test
    void warmupRisesLinearlyThenTheScheduleStarts() {
        LearningRates rates = rates(3, new Schedule(Kind.COSINE, null, null, null, 1), 4);
        assertEquals(0.025f, rates.rate(0), 1e-9);
        assertEquals(0.05f, rates.rate(1), 1e-9);
        assertEquals(0.1f, rates.rate(3), 1e-9);
        assertEquals(0.1f, rates.rate(4), 1e-9);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 7 / 8)), rates.rate(11), 1e-8);
    }

    @Test
    void rejectsStepsOutsideTheRun() {
        LearningRates rates = rates(1, null, 2);
        assertThrows(IllegalArgumentException.class, () -> rates.rate(2));
        assertThrows(IllegalArgumentException.class, () -> rates.rate(-1));
    }
}
