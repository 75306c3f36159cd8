package org.transferlab.kernel.plan;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.transferlab.api.PluginKind;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.kernel.config.AttackBlock;
import org.transferlab.kernel.config.BaselineBlock;
import org.transferlab.kernel.config.ConfigLocator;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.FinetuneBlock;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.HomePath;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.config.PretrainBlock;
import org.transferlab.kernel.io.FileDigests;
import org.transferlab.kernel.plugin.Metrics;
import org.transferlab.kernel.plugin.PluginCatalog;

/**
 * Expands the pretrain → fine-tune → attack matrix of a validated experiment into a task graph. Lists multiply: every
 * model × dataset of a pretrain block, every parent × subset of a fine-tune block, every source × attack setting, every
 * target × attack task, once per repeat; and, when a paired metric is listed, one comparison of each fine-tuned target's
 * parent against the other sources per attack setting.
 */
public final class Planner {

    /** Version of what an evaluation stores; 2 keeps the per-image predictions that comparisons pair. */
    private static final int EVALUATION_FILES = 2;

    private final ExperimentConfig config;
    private final PluginCatalog plugins;
    private final long maxTasks;
    /** The listed metrics that compare two sources (creating a metric to ask is not free: once per plan). */
    private final List<String> paired;
    /** Every training and attack task planned so far, by id, with the place in the file that declared it. */
    private final Map<String, Declared> declared = new HashMap<>();
    private final List<ConfigLocator.Problem> problems = new ArrayList<>();

    private record Declared(Task task, List<Object> origin) {
    }

    public Planner(ExperimentConfig config, PluginCatalog plugins) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
        this.maxTasks = config.maxTasksOrDefault();
        this.paired = Metrics.paired(plugins, config.metrics());
    }

    /**
     * @throws PlanException when two declarations give the same task id, or when the plan would have more tasks than
     *                       the file's {@code max_tasks}; nothing is expanded in the second case
     */
    public TaskGraph plan() {
        new PlanSize(config, !paired.isEmpty()).check(maxTasks);
        declared.clear();
        problems.clear();
        List<Task> tasks = new ArrayList<>();
        for (int repeat = 1; repeat <= config.repeatsOrDefault(); repeat++) {
            List<TrainTask> pretrained = pretrainTasks(repeat);
            List<TrainTask> finetuned = finetuneTasks(pretrained, repeat);
            List<TrainTask> baselines = baselineTasks(repeat);
            List<AttackTask> attacks = attackTasks(pretrained, repeat);
            tasks.addAll(pretrained);
            tasks.addAll(finetuned);
            tasks.addAll(baselines);
            tasks.addAll(attacks);
            List<TrainTask> targets = new ArrayList<>(finetuned);
            targets.addAll(baselines);
            List<EvaluateTask> evaluations = evaluateTasks(targets, attacks, repeat);
            tasks.addAll(evaluations);
            tasks.addAll(compareTasks(finetuned, attacks, evaluations, repeat));
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return new TaskGraph(tasks);
    }

    /**
     * Adds a task unless another declaration already gave its id: then the two are reported, whether they would train
     * the same thing twice or two different things under one name.
     */
    private <T extends Task> void declare(Map<String, T> tasks, T task, List<Object> origin) {
        Declared earlier = declared.putIfAbsent(task.id(), new Declared(task, origin));
        if (earlier == null) {
            tasks.put(task.id(), task);
            return;
        }
        if (problems.stream().anyMatch(p -> p.path().equals(origin))) {
            return;    // one report per place, not one per repeat
        }
        String where = show(earlier.origin());
        problems.add(new ConfigLocator.Problem(origin, earlier.task().cacheKey().equals(task.cacheKey())
                ? "declares the task " + task.id() + " again, already declared by " + where + "; remove one of the two"
                : "gives the task id " + task.id() + " to a different task than " + where + " does; every task needs"
                        + " its own id and folder, so rename an alias (an alias that ends like a subset, '-n1000',"
                        + " or a repeat, '-r2', is read as one)"));
    }

    /** {@code finetune[0].subset[2]}, as errors show paths. */
    static String show(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }

    /** Mixed precision changes every number a task computes; float32 keys stay as they always were. */
    private void putPrecision(Map<String, Object> key) {
        Precision precision = config.runtimeOrDefault().precisionOrDefault();
        if (precision != Precision.FLOAT32) {
            key.put("precision", precision);
        }
    }

    private List<TrainTask> pretrainTasks(int repeat) {
        Map<String, TrainTask> tasks = new LinkedHashMap<>();
        for (int b = 0; b < config.pretrain().size(); b++) {
            PretrainBlock block = config.pretrain().get(b);
            for (String model : block.models()) {
                for (String dataset : block.datasets()) {
                    String id = TaskKind.PRETRAIN.label() + "/" + model + "@" + dataset
                            + (block.subset() == null ? "" : "-n" + block.subset()) + repeatSuffix(repeat);
                    Map<String, Object> key = new LinkedHashMap<>();
                    key.put("kind", "pretrain");
                    key.put("model", pluginIdentity(PluginKind.MODEL, config.models().get(model)));
                    key.put("dataset", pluginIdentity(PluginKind.DATASET, config.datasets().get(dataset)));
                    key.put("recipe", config.recipes().get(block.recipe()));
                    key.put("subset", block.subset());
                    long subsetSeed = subsetSeed(key, dataset, block.subset(), repeat);
                    long seed = seed(id);
                    key.put("seed", seed);
                    putPrecision(key);
                    String weights = config.models().get(model).weights();
                    if (weights != null) {
                        key.put("importedWeights", importedSha256(weights, model, b));
                    }
                    declare(tasks, new TrainTask(id, TaskKind.PRETRAIN, model, dataset, block.recipe(),
                            Optional.ofNullable(block.subset()), Optional.empty(), Freeze.NONE, repeat, seed,
                            subsetSeed, config.nestedSubsets(), false, CacheKey.of(key)), List.of("pretrain", b));
                }
            }
        }
        return List.copyOf(tasks.values());
    }

    private List<TrainTask> finetuneTasks(List<TrainTask> pretrained, int repeat) {
        Map<String, TrainTask> tasks = new LinkedHashMap<>();
        for (int b = 0; b < config.finetuneOrEmpty().size(); b++) {
            FinetuneBlock block = config.finetuneOrEmpty().get(b);
            Freeze freeze = block.freeze() == null ? Freeze.NONE : block.freeze();
            List<Integer> subsets = block.subset() == null ? Collections.singletonList(null) : block.subset();
            for (TrainTask parent : pretrained) {
                if (!selected(parent, block.from())) {
                    continue;
                }
                for (int i = 0; i < subsets.size(); i++) {
                    Integer subset = subsets.get(i);
                    String parentName = nameOf(parent, repeat);
                    String id = TaskKind.FINETUNE.label() + "/" + parentName + ">" + block.dataset()
                            + "-n" + (subset == null ? "all" : subset) + "-" + freeze.label()
                            + (block.adaptsFrozenBatchNorm() ? "-bnadapt" : "") + repeatSuffix(repeat);
                    Map<String, Object> key = new LinkedHashMap<>();
                    key.put("kind", "finetune");
                    key.put("parent", parent.cacheKey());
                    key.put("model", pluginIdentity(PluginKind.MODEL, config.models().get(parent.modelAlias())));
                    key.put("dataset", pluginIdentity(PluginKind.DATASET, config.datasets().get(block.dataset())));
                    key.put("recipe", config.recipes().get(block.recipe()));
                    key.put("subset", subset);
                    long subsetSeed = subsetSeed(key, block.dataset(), subset, repeat);
                    key.put("freeze", freeze);
                    if (block.adaptsFrozenBatchNorm()) {
                        key.put("frozenBatchnorm", "adapt");
                    }
                    long seed = seed(id);
                    key.put("seed", seed);
                    putPrecision(key);
                    declare(tasks, new TrainTask(id, TaskKind.FINETUNE, parent.modelAlias(), block.dataset(),
                            block.recipe(), Optional.ofNullable(subset), Optional.of(parent.id()), freeze, repeat, seed,
                            subsetSeed, config.nestedSubsets(), block.adaptsFrozenBatchNorm(), CacheKey.of(key)),
                            block.subset() == null ? List.of("finetune", b) : List.of("finetune", b, "subset", i));
                }
            }
        }
        return List.copyOf(tasks.values());
    }

    private List<TrainTask> baselineTasks(int repeat) {
        Map<String, TrainTask> tasks = new LinkedHashMap<>();
        for (int b = 0; b < config.baselinesOrEmpty().size(); b++) {
            BaselineBlock block = config.baselinesOrEmpty().get(b);
            List<Integer> subsets = block.subset() == null ? Collections.singletonList(null) : block.subset();
            for (String model : block.models()) {
                for (int i = 0; i < subsets.size(); i++) {
                    Integer subset = subsets.get(i);
                    String id = TaskKind.BASELINE.label() + "/" + model + "@" + block.dataset()
                            + "-n" + (subset == null ? "all" : subset) + repeatSuffix(repeat);
                    Map<String, Object> key = new LinkedHashMap<>();
                    key.put("kind", "baseline");
                    key.put("model", pluginIdentity(PluginKind.MODEL, config.models().get(model)));
                    key.put("dataset", pluginIdentity(PluginKind.DATASET, config.datasets().get(block.dataset())));
                    key.put("recipe", config.recipes().get(block.recipe()));
                    key.put("subset", subset);
                    long subsetSeed = subsetSeed(key, block.dataset(), subset, repeat);
                    long seed = seed(id);
                    key.put("seed", seed);
                    putPrecision(key);
                    declare(tasks, new TrainTask(id, TaskKind.BASELINE, model, block.dataset(), block.recipe(),
                            Optional.ofNullable(subset), Optional.empty(), Freeze.NONE, repeat, seed, subsetSeed,
                            config.nestedSubsets(), false, CacheKey.of(key)),
                            block.subset() == null ? List.of("baselines", b) : List.of("baselines", b, "subset", i));
                }
            }
        }
        return List.copyOf(tasks.values());
    }

    /**
     * Which images a subset of N takes: chosen by the experiment seed, the dataset, N and the repeat (SPEC §2), so that
     * every model trained on N images of a dataset in one repeat (fine-tuned from any parent, or a baseline) sees the
     * same ones and differs only in where it started. Recorded in the key when a subset is taken.
     */
    /**
     * The seed that chooses a subset's images. Independent subsets get one per size; nested ones share the dataset's,
     * and a subset is the first {@code subset} images of the order it gives.
     */
    private long subsetSeed(Map<String, Object> key, String dataset, Integer subset, int repeat) {
        long subsetSeed = config.nestedSubsets()
                ? seed("subset/" + dataset + "-nested" + repeatSuffix(repeat))
                : seed("subset/" + dataset + "-n" + subset + repeatSuffix(repeat));
        if (subset != null) {
            key.put("subsetSeed", subsetSeed);
            if (config.nestedSubsets()) {
                key.put("subsetSampling", "nested");
            }
        }
        return subsetSeed;
    }

    private static boolean selected(TrainTask parent, FinetuneBlock.From from) {
        boolean modelMatches = from.models() == null || from.models().contains(parent.modelAlias());
        boolean datasetMatches = from.datasets() == null || from.datasets().contains(parent.datasetAlias());
        return modelMatches && datasetMatches;
    }

    private List<AttackTask> attackTasks(List<TrainTask> sources, int repeat) {
        AttackBlock attack = config.attack();
        String split = attack.data().splitOrDefault();
        int samples = attack.data().samples() != null ? attack.data().samples() : splitSize(attack.data().dataset(), split);
        Map<String, AttackTask> tasks = new LinkedHashMap<>();
        for (TrainTask source : sources) {
            String sourceName = nameOf(source, repeat);
            for (int m = 0; m < attack.methods().size(); m++) {
                PluginRef method = attack.methods().get(m);
                for (Record options : method.variants()) {
                    AttackSetting setting = AttackSetting.of(method.plugin(), options);
                    String id = TaskKind.ATTACK.label() + "/" + sourceName + "/" + setting.label() + repeatSuffix(repeat);
                    Map<String, Object> key = new LinkedHashMap<>();
                    key.put("kind", "attack");
                    key.put("source", source.cacheKey());
                    key.put("attack", Map.of("plugin", method.plugin(), "version", version(PluginKind.ATTACK, method.plugin()),
                            "options", options));
                    key.put("data", pluginIdentity(PluginKind.DATASET, config.datasets().get(attack.data().dataset())));
                    key.put("split", split);
                    key.put("samples", samples);
                    if (attack.data().drawsPerRepeat()) {
                        key.put("imagesOfRepeat", repeat);
                    }
                    key.put("labels", attack.labelsOrDefault());
                    long seed = seed(id);
                    key.put("seed", seed);
                    putPrecision(key);
                    declare(tasks, new AttackTask(id, source.id(), setting, attack.data().dataset(), split, samples,
                            attack.labelsOrDefault(), repeat, seed, CacheKey.of(key)), List.of("attack", "methods", m));
                }
            }
        }
        return List.copyOf(tasks.values());
    }

    private List<EvaluateTask> evaluateTasks(List<TrainTask> targets, List<AttackTask> attacks, int repeat) {
        List<EvaluateTask> tasks = new ArrayList<>();
        List<Map<String, String>> metrics = config.metrics().stream()
                .filter(name -> !paired.contains(name))
                .map(name -> Map.of("plugin", name, "version", version(PluginKind.METRIC, name)))
                .toList();
        for (TrainTask target : targets) {
            String targetName = nameOf(target, repeat);
            for (AttackTask attack : attacks) {
                String attackName = nameOf(attack, repeat);
                String id = TaskKind.EVALUATE.label() + "/" + targetName + "/" + attackName + repeatSuffix(repeat);
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("kind", "evaluate");
                key.put("target", target.cacheKey());
                key.put("attack", attack.cacheKey());
                key.put("metrics", metrics);
                key.put("files", EVALUATION_FILES);
                tasks.add(new EvaluateTask(id, target.id(), attack.id(), attack.sourceId(), repeat, CacheKey.of(key)));
            }
        }
        return tasks;
    }

    /**
     * One verdict per fine-tuned target and attack setting, when a paired metric is listed and the target's parent is
     * among the sources with at least one other.
     */
    private List<CompareTask> compareTasks(List<TrainTask> targets, List<AttackTask> attacks,
            List<EvaluateTask> evaluations, int repeat) {
        if (paired.isEmpty()) {
            return List.of();
        }
        List<Map<String, String>> metrics = paired.stream()
                .map(name -> Map.of("plugin", name, "version", version(PluginKind.METRIC, name)))
                .toList();
        Map<String, AttackTask> attacksById = new LinkedHashMap<>();
        attacks.forEach(attack -> attacksById.put(attack.id(), attack));
        List<CompareTask> tasks = new ArrayList<>();
        for (TrainTask target : targets) {
            Map<String, List<EvaluateTask>> bySetting = new LinkedHashMap<>();
            for (EvaluateTask evaluation : evaluations) {
                if (evaluation.targetId().equals(target.id())) {
                    bySetting.computeIfAbsent(attacksById.get(evaluation.attackId()).setting().label(),
                            setting -> new ArrayList<>()).add(evaluation);
                }
            }
            bySetting.forEach((setting, group) -> {
                Optional<EvaluateTask> parent = group.stream()
                        .filter(e -> target.parentId().map(e.sourceId()::equals).orElse(false)).findFirst();
                if (parent.isEmpty() || group.size() < 2) {
                    return;
                }
                List<EvaluateTask> others = group.stream().filter(e -> e != parent.get()).toList();
                String id = TaskKind.COMPARE.label() + "/" + nameOf(target, repeat) + "/" + setting + repeatSuffix(repeat);
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("kind", "compare");
                key.put("parent", parent.get().cacheKey());
                key.put("others", others.stream().map(EvaluateTask::cacheKey).toList());
                key.put("metrics", metrics);
                tasks.add(new CompareTask(id, target.id(), setting, parent.get().id(),
                        others.stream().map(EvaluateTask::id).toList(), repeat, CacheKey.of(key)));
            });
        }
        return tasks;
    }

    /** The content of an imported state_dict: a changed file is a changed pre-trained model. */
    private String importedSha256(String weights, String model, int block) {
        try {
            return FileDigests.sha256(HomePath.expand(weights));
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new PlanException(List.of(new ConfigLocator.Problem(List.of("models", model, "weights"),
                    "cannot read " + weights + " (" + e.getMessage() + "), which pretrain[" + block + "] uses")));
        }
    }

    private Map<String, Object> pluginIdentity(PluginKind kind, PluginRef ref) {
        return Map.of("plugin", ref.plugin(), "version", version(kind, ref.plugin()), "options", ref.options());
    }

    private String version(PluginKind kind, String name) {
        return plugins.version(kind, name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int splitSize(String datasetAlias, String split) {
        PluginRef ref = config.datasets().get(datasetAlias);
        DatasetProvider provider = (DatasetProvider) plugins.find(PluginKind.DATASET, ref.plugin()).orElseThrow();
        Integer size = provider.describe(ref.options()).splitSizes().get(split);
        if (size == null) {
            throw new IllegalStateException("dataset " + datasetAlias + " has no split " + split);
        }
        return size;
    }

    /** A task's id without its kind and repeat: {@code pretrain/alexnet@mnist-r2} → {@code alexnet@mnist}. */
    private String nameOf(Task task, int repeat) {
        String id = task.id();
        return id.substring(id.indexOf('/') + 1, id.length() - repeatSuffix(repeat).length());
    }

    private String repeatSuffix(int repeat) {
        return config.repeatsOrDefault() == 1 ? "" : "-r" + repeat;
    }

    /** A seed per task that depends only on the experiment seed and the task's id, never on the order of planning. */
    private long seed(String id) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(CacheKey.of(config.seed() + ":" + id), 0, 16)).getLong();
    }
}
