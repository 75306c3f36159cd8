package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.PairedMetric;
import org.transferlab.api.metric.PairedMetric.PairedComparison;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.CompareTask;
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plugin.Metrics;
import org.transferlab.kernel.stats.ComparisonFamily;
import org.transferlab.kernel.stats.FamilyVerdicts;
import org.transferlab.kernel.stats.Verdict;

/**
 * Pairs one target's evaluation on its parent's adversarial examples with each other source's, image by image, runs
 * every paired metric, and states the verdicts from the first one listed: one over the sources of the parent's own
 * architecture, the study's question and the headline, and one over the other architectures, each Holm-corrected
 * within itself.
 */
final class CompareExecutor {

    static final String COMPARISON = "comparison.json";

    private final RunContext context;

    CompareExecutor(RunContext context) {
        this.context = context;
    }

    Map<String, Object> execute(CompareTask task, Path working) throws IOException {
        List<String> names = Metrics.paired(context.plugins(), context.config().metrics());
        List<Metric> metrics = Metrics.create(context.plugins(), names);
        EvaluateTask parentTask = evaluateTask(task.parentEvaluation());
        Evaluation parent = load(parentTask);

        Map<String, PairedComparison> decisive = new LinkedHashMap<>();
        Map<String, ComparisonFamily> families = new LinkedHashMap<>();
        Map<String, List<Object>> values = new LinkedHashMap<>();
        String parentPlugin = modelPlugin(parentTask.sourceId());
        for (String id : task.otherEvaluations()) {
            EvaluateTask other = evaluateTask(id);
            Evaluation evaluation = load(other);
            families.put(other.sourceId(), ComparisonFamily.of(parentPlugin, modelPlugin(other.sourceId())));
            List<Object> all = new ArrayList<>();
            for (Metric metric : metrics) {
                PairedComparison comparison = ((PairedMetric) metric).compare(parent, evaluation);
                decisive.putIfAbsent(other.sourceId(), comparison);
                all.addAll(comparison.values());
            }
            values.put(other.sourceId(), all);
        }
        FamilyVerdicts verdicts = FamilyVerdicts.of(parentTask.sourceId(), decisive, families::get);
        Verdict verdict = verdicts.headline();

        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (ComparisonFamily family : ComparisonFamily.values()) {
            for (Verdict.Comparison comparison : verdicts.get(family).comparisons()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("source", comparison.source());
                entry.put("family", family.label());
                entry.put("p", comparison.p());
                entry.put("adjustedP", comparison.adjustedP());
                entry.put("difference", comparison.result().difference());
                entry.put("outcome", comparison.outcome().label());
                entry.put("metrics", values.get(comparison.source()));
                comparisons.add(entry);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", task.id());
        result.put("target", task.targetId());
        result.put("parent", verdict.parent());
        result.put("attack", task.attack());
        result.put("repeat", task.repeat());
        result.put("decidedBy", names.get(0));
        result.put("alpha", verdict.alpha());
        result.put("correction", "holm within each family");
        result.put("verdict", verdict.summary().label());
        result.put("crossArchitectureVerdict", verdicts.get(ComparisonFamily.CROSS_ARCHITECTURE).summary().label());
        result.put("comparisons", comparisons);
        ArtefactDirectory.writeJson(working.resolve(COMPARISON), result);
        return Map.of("verdict", verdict.summary().label());
    }

    /** The model plugin a source was built with: what "the same architecture" compares. */
    private String modelPlugin(String sourceId) {
        return context.config().models().get(context.trainTask(sourceId).modelAlias()).plugin();
    }

    private EvaluateTask evaluateTask(String id) {
        return (EvaluateTask) context.graph().task(id).orElseThrow();
    }

    private Evaluation load(EvaluateTask task) throws IOException {
        AttackTask attack = (AttackTask) context.graph().task(task.attackId()).orElseThrow();
        return EvaluationFiles.read(context.directoryOf(attack), context.directoryOf(task),
                context.sharesClasses(context.trainTask(task.sourceId()), attack.datasetAlias()));
    }
}
