package org.transferlab.kernel.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TaskKind;
import org.transferlab.kernel.config.FakePlugins;

class PlanEstimateTest {

    /** mnist: 1,000 training and 200 test images; letters: 1,200 and 300. */
    private static final String STUDY = """
            experiment: estimated
            seed: 5
            datasets:
              mnist: { plugin: mnist }
              letters: { plugin: letters }
            models:
              alexnet: { plugin: alexnet }
            recipes:
              r: { epochs: 2, batch_size: 8, optimizer: adam, learning_rate: 0.01 }
            pretrain:
              - { models: [alexnet], datasets: [mnist, letters], recipe: r }
            finetune:
              - { from: { models: [alexnet], datasets: [letters] }, dataset: mnist, subset: [100], freeze: { first: 8 }, recipe: r }
            attack:
              data: { dataset: mnist, samples: 50 }
              methods:
                - { plugin: fgsm, eps: 0.3 }
            metrics: [accuracy]
            """;

    /** Training 100 img/s (400 img/s above alexnet's frozen first 8 tensors, whose features take 2,000 img/s and
     * predict at 4,000 img/s), inference 1,000 img/s, gradients 500 img/s, networks built in 1 s and 0.5 s; 10 gradients per attacked image. */
    private static final class FixedSpeeds implements Measurements {
        int calls;

        @Override
        public double[] training(Architecture architecture, Set<String> frozen, Recipe recipe) {
            calls++;
            return new double[] {100, 1};
        }

        @Override
        public double[] trainingAbove(Architecture architecture, Set<String> frozen, Recipe recipe, Cut cut) {
            calls++;
            return new double[] {400, 1, 2000, 4000};
        }

        @Override
        public double[] inference(Architecture architecture, int batch) {
            calls++;
            return new double[] {1000, 500, 0.5};
        }

        @Override
        public double[] attackWork(Architecture architecture, Supplier<Attack> attack) {
            calls++;
            return new double[] {10, 0};
        }
    }

    @Test
    void eachTaskKindCostsItsImagesAtTheMeasuredSpeeds(@TempDir Path run) throws Exception {
        ExperimentConfig config = ConfigLoader.load(STUDY, "study.yaml", FakePlugins.catalog()).config();
        TaskGraph graph = new Planner(config, FakePlugins.catalog()).plan();
        Calibration calibration = Calibration.empty(run.resolve("calibration"), new MachineKey("test machine"));

        PlanEstimate estimate = PlanEstimate.of(config, FakePlugins.catalog(), graph, run, new FixedSpeeds(),
                calibration);

        Map<TaskKind, Double> seconds = new EnumMap<>(TaskKind.class);
        estimate.rows().forEach(row -> seconds.put(row.kind(), row.seconds()));
        // Two epochs of all training images at 100 img/s, of the test split at 1,000 img/s, and 1 s to build.
        assertEquals(2 * (10 + 0.2) + 1 + 2 * (12 + 0.3) + 1, seconds.get(TaskKind.PRETRAIN), 1e-6);
        // The fine-tune freezes alexnet's first 8 tensors and trains above them: the features of its 100 training
        // and 200 test images once, then per epoch 13 batches of 8 (104 images) and the test split on features.
        assertEquals(300 / 2000.0 + 2 * (104 / 400.0 + 200 / 4000.0) + 1, seconds.get(TaskKind.FINETUNE), 1e-6);
        // Per attack: 50 images × (10 gradients at 500/s + one adversarial prediction at 1,000/s), the clean
        // predictions once per source, and 0.5 s to build the network.
        assertEquals(2 * (50 * (10 / 500.0 + 1 / 1000.0) + 0.05 + 0.5), seconds.get(TaskKind.ATTACK), 1e-6);
        // Per evaluation: 50 adversarial predictions; the clean predictions and the network once for the target,
        // which the run keeps open from one evaluation to the next.
        assertEquals(2 * 0.05 + 0.05 + 0.5, seconds.get(TaskKind.EVALUATE), 1e-6);
        assertEquals(estimate.seconds(), estimate.pendingSeconds(), 1e-9);
    }

    @Test
    void aSecondEstimateReusesTheKeptMeasurements(@TempDir Path run) throws Exception {
        ExperimentConfig config = ConfigLoader.load(STUDY, "study.yaml", FakePlugins.catalog()).config();
        TaskGraph graph = new Planner(config, FakePlugins.catalog()).plan();
        MachineKey machine = new MachineKey("test machine");
        Path folder = run.resolve("calibration");
        FixedSpeeds first = new FixedSpeeds();
        Calibration calibration = Calibration.open(folder, machine);
        PlanEstimate estimate = PlanEstimate.of(config, FakePlugins.catalog(), graph, run, first, calibration);
        calibration.save();

        FixedSpeeds second = new FixedSpeeds();
        PlanEstimate again = PlanEstimate.of(config, FakePlugins.catalog(), graph, run, second,
                Calibration.open(folder, machine));

        // Models for 10 and 27 classes: 3 training settings (two pre-trainings, one frozen fine-tune), inference of
        // each at the recipe's batch (test accuracy) and the attack batch, and the attack on each source.
        assertEquals(3 + 4 + 2, first.calls);
        assertEquals(0, second.calls);
        assertEquals(0, again.measured());
        assertEquals(estimate.seconds(), again.seconds(), 1e-9);
    }

    @Test
    void aCalibrationOfAnotherMachineOrADamagedFileIsMeasuredAgain(@TempDir Path folder) throws Exception {
        MachineKey machine = new MachineKey("test machine");
        Calibration calibration = Calibration.open(folder, machine);
        calibration.put("infer|x", 123);
        calibration.save();
        assertEquals(123, Calibration.open(folder, machine).get("infer|x").orElseThrow());

        Files.writeString(calibration.file(), Files.readString(calibration.file()).replace("test machine", "other"));
        assertEquals(0, Calibration.open(folder, machine).size());
        Files.writeString(calibration.file(), "{ not json");
        assertEquals(0, Calibration.open(folder, machine).size());
    }

    @Test
    void theMachineKeyNamesWhatTheSpeedsDependOn() {
        String description = MachineKey.of(RuntimeOptions.cpu(2), "1.2.3").description();
        assertEquals(true, description.contains(Runtime.getRuntime().availableProcessors() + " processors"), description);
        assertEquals(true, description.contains("threads 2/2") && description.contains("transferlab 1.2.3"), description);
    }

    @Test
    void aRebuiltJarWithTheSameVersionGetsItsOwnCalibration(@TempDir Path folder) throws Exception {
        Path jar = folder.resolve("alexnet.jar");
        Files.writeString(jar, "build one");
        RuntimeOptions runtime = RuntimeOptions.cpu(2);
        MachineKey first = MachineKey.of(runtime, "1.2.3", java.util.List.of(jar, folder.resolve("missing.jar")));
        assertEquals(first, MachineKey.of(runtime, "1.2.3", java.util.List.of(jar)));
        Files.writeString(jar, "build two");
        MachineKey second = MachineKey.of(runtime, "1.2.3", java.util.List.of(jar));
        assertEquals(false, first.equals(second), first + " / " + second);
        assertEquals(false, first.id().equals(second.id()));
    }
}
