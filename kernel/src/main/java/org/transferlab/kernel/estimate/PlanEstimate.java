package org.transferlab.kernel.estimate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.transferlab.api.PluginKind;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.FeatureCaching;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.exec.InferenceBatch;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TaskKind;
import org.transferlab.kernel.plan.TrainTask;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * The expected time of every task of a plan on this machine, from the plan's sizes and the speeds this machine was
 * measured at ({@link Calibration}); what has not been measured yet is measured first ({@link Calibrator}).
 *
 * <ul>
 *   <li>A training task takes its epochs' steps over its training images, at its recipe's batch and frozen set, plus
 *       one pass over the test split per epoch (the trainer measures test accuracy after each), plus building the
 *       network. A fine-tune that trains above a frozen prefix ({@link FeatureCaching}) instead passes its training
 *       and test images through the prefix once, then trains and tests on features at the speeds measured for
 *       that.</li>
 *   <li>An attack task takes, per attacked image, the gradients the attack was counted to need, the logits it asks
 *       for, and a prediction of each adversarial example; the clean images' predictions once per source and image
 *       set, as the run shares them.</li>
 *   <li>An evaluation predicts the adversarial examples on its target, and the clean images once per target and
 *       image set.</li>
 *   <li>An attack or evaluation builds its model's network unless the task before it used the same model: a run
 *       keeps the last one open.</li>
 *   <li>A comparison reads files only and is counted as free.</li>
 * </ul>
 */
public final class PlanEstimate {

    /** One task kind's share of the plan. */
    public record Row(TaskKind kind, int tasks, int pending, double seconds, double pendingSeconds) {
    }

    private final Map<TaskKind, double[]> rows = new EnumMap<>(TaskKind.class);
    private final int measured;

    private PlanEstimate(int measured) {
        this.measured = measured;
    }

    /**
     * Estimates every task of {@code graph}; tasks whose artefacts are cached in {@code runDirectory} count towards
     * the plan's whole cost but not its pending cost. New measurements are added to {@code calibration}.
     */
    public static PlanEstimate of(ExperimentConfig config, PluginCatalog plugins,
                                  TaskGraph graph, Path runDirectory, RuntimeOptions runtime, Calibration calibration) {
        return of(config, plugins, graph, runDirectory, new Calibrator(runtime), calibration);
    }

    static PlanEstimate of(ExperimentConfig config, PluginCatalog plugins, TaskGraph graph, Path runDirectory,
                           Measurements measurements, Calibration calibration) {
        requireNonNull(config, "config is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(calibration, "calibration is null");
        Costs costs = new Costs(config, plugins, graph, measurements, calibration);
        int before = calibration.size();
        Map<TaskKind, double[]> sums = new EnumMap<>(TaskKind.class);
        for (Task task : graph.tasks()) {
            double seconds = costs.of(task);
            boolean pending = !Runner.isCached(task, runDirectory);
            double[] row = sums.computeIfAbsent(task.kind(), kind -> new double[4]);
            row[0]++;
            row[1] += pending ? 1 : 0;
            row[2] += seconds;
            row[3] += pending ? seconds : 0;
        }
        PlanEstimate estimate = new PlanEstimate(calibration.size() - before);
        estimate.rows.putAll(sums);
        return estimate;
    }

    public List<Row> rows() {
        return rows.entrySet().stream()
                .map(e -> new Row(e.getKey(), (int) e.getValue()[0], (int) e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
    }

    public double seconds() {
        return rows().stream().mapToDouble(Row::seconds).sum();
    }

    public double pendingSeconds() {
        return rows().stream().mapToDouble(Row::pendingSeconds).sum();
    }

    /** How many speeds this estimate had to measure (0 when the machine's calibration had them all). */
    public int measured() {
        return measured;
    }

    /** The cost model: task sizes from the plan, speeds from the calibration. */
    private static final class Costs {
        private final ExperimentConfig config;
        private final PluginCatalog plugins;
        private final TaskGraph graph;
        private final Measurements calibrator;
        private final Calibration calibration;
        private final Set<String> cleanPredicted = new HashSet<>();
        /** The run keeps the last inference model open, so consecutive tasks on one model build it once. */
        private String openModel;

        Costs(ExperimentConfig config, PluginCatalog plugins, TaskGraph graph,
              Measurements calibrator, Calibration calibration) {
            this.config = config;
            this.plugins = plugins;
            this.graph = graph;
            this.calibrator = calibrator;
            this.calibration = calibration;
        }

        double of(Task task) {
            if (task instanceof TrainTask train) {
                return training(train);
            }
            if (task instanceof AttackTask attack) {
                return attack(attack);
            }
            return task instanceof EvaluateTask evaluate ? evaluation(evaluate) : 0;
        }

        private double training(TrainTask task) {
            Recipe recipe = config.recipes().get(task.recipeName());
            DatasetInfo info = describe(task.datasetAlias());
            int images = task.subset().orElse(info.splitSizes().getOrDefault("train", 0));
            int test = info.splitSizes().getOrDefault("test", 0);
            ModelSpec spec = modelOf(task);
            Architecture architecture = spec.create(plugins);
            Set<String> frozen = task.parentId().isPresent()
                    ? Freezing.frozenParameters(task.freeze(),
                            architecture.parameters().stream().map(ParameterSpec::name).toList())
                    : Set.of();
            String key = spec.toJson() + "|frozen " + frozen.stream().sorted().toList() + "|batch "
                    + recipe.batchSize();
            int steps = (images + recipe.batchSize() - 1) / recipe.batchSize();
            Optional<Cut> cut = FeatureCaching.choose(architecture, frozen, task.adaptsFrozenBatchNorm(),
                    (long) images + test);
            if (cut.isPresent()) {
                String above = key + "|above " + cut.get().prefixParameters();
                double[] rates = measured(List.of("train|" + above, "train-setup|" + above, "features|" + above,
                        "infer-features|" + above),
                        () -> calibrator.trainingAbove(architecture, frozen, recipe, cut.get()));
                return ((double) images + test) / rates[2]
                        + (double) recipe.totalSteps(steps) * recipe.batchSize() / rates[0]
                        + (double) recipe.epochsFor(steps) * test / rates[3] + rates[1];
            }
            double[] train = measured(List.of("train|" + key, "train-setup|" + key),
                    () -> calibrator.training(architecture, frozen, recipe));
            return (double) recipe.totalSteps(steps) * recipe.batchSize() / train[0]
                    + (double) recipe.epochsFor(steps) * test / inference(spec, recipe.batchSize())[0] + train[1];
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private double attack(AttackTask task) {
            TrainTask source = (TrainTask) graph.task(task.sourceId()).orElseThrow();
            ModelSpec spec = modelOf(source);
            double[] rates = inference(spec, InferenceBatch.SIZE);
            AttackProvider provider = (AttackProvider) plugins.find(PluginKind.ATTACK, task.setting().plugin())
                    .orElseThrow();
            String key = "attack|" + task.setting().plugin() + " " + task.setting().options() + "|" + spec.toJson();
            double[] work = measured(List.of(key + "|gradients", key + "|logits"), () -> {
                double[] counted = calibrator.attackWork(spec.create(plugins),
                        () -> provider.create(task.setting().options()));
                // A speed of zero cannot be stored; an attack that asks for no logits gets a negligible count.
                return new double[] {Math.max(counted[0], 1e-9), Math.max(counted[1], 1e-9)};
            });
            int n = task.samples();
            double seconds = n * (work[0] / rates[1] + (work[1] + 1) / rates[0]) + opening(source, rates[2]);
            if (cleanPredicted.add(source.id() + "|" + task.datasetAlias() + "/" + task.split() + "|" + n)) {
                seconds += n / rates[0];
            }
            return seconds;
        }

        private double evaluation(EvaluateTask task) {
            AttackTask attack = (AttackTask) graph.task(task.attackId()).orElseThrow();
            TrainTask target = (TrainTask) graph.task(task.targetId()).orElseThrow();
            double[] rates = inference(modelOf(target), InferenceBatch.SIZE);
            int n = attack.samples();
            double seconds = n / rates[0] + opening(target, rates[2]);
            if (cleanPredicted.add(target.id() + "|" + attack.datasetAlias() + "/" + attack.split() + "|" + n)) {
                seconds += n / rates[0];
            }
            return seconds;
        }

        private double opening(TrainTask model, double setupSeconds) {
            if (model.id().equals(openModel)) {
                return 0;
            }
            openModel = model.id();
            return setupSeconds;
        }

        /** Inference and gradient images per second at {@code batch}, and the seconds to build the network. */
        private double[] inference(ModelSpec spec, int batch) {
            String key = spec.toJson() + "|batch " + batch;
            return measured(List.of("infer|" + key, "gradient|" + key, "infer-setup|" + key),
                    () -> calibrator.inference(spec.create(plugins), batch));
        }

        /** The stored values of {@code keys}, or, when any is missing, a new measurement of all of them. */
        private double[] measured(List<String> keys, Supplier<double[]> measurement) {
            double[] values = new double[keys.size()];
            boolean complete = true;
            for (int i = 0; i < keys.size(); i++) {
                var stored = calibration.get(keys.get(i));
                complete &= stored.isPresent();
                values[i] = stored.orElse(0.0);
            }
            if (!complete) {
                values = measurement.get();
                for (int i = 0; i < keys.size(); i++) {
                    calibration.put(keys.get(i), values[i]);
                }
            }
            return values;
        }

        private ModelSpec modelOf(TrainTask task) {
            PluginRef ref = config.models().get(task.modelAlias());
            return new ModelSpec(ref.plugin(), ref.options(), describe(task.datasetAlias()).numClasses());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private DatasetInfo describe(String alias) {
            PluginRef ref = config.datasets().get(alias);
            DatasetProvider provider = (DatasetProvider) plugins.find(PluginKind.DATASET, ref.plugin()).orElseThrow();
            return provider.describe(ref.options());
        }
    }
}
