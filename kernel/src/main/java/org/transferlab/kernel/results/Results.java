package org.transferlab.kernel.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.exec.ArtefactDirectory;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.CompareTask;
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TrainTask;

/** Collects the evaluation artefacts of a run into rows and writes {@code results.csv} and {@code results.json}. */
public final class Results {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String COMPARISON = "comparison.json";

    private Results() {
    }

    /** One row per evaluation; rows of a target with a verdict carry their comparison with the parent. */
    public static List<ResultRow> collect(TaskGraph graph, Path runDirectory) throws IOException {
        Map<String, JsonNode> comparisons = new LinkedHashMap<>();
        for (CompareTask task : graph.tasks(CompareTask.class)) {
            for (JsonNode comparison : comparison(task, runDirectory).get("comparisons")) {
                comparisons.put(rowKey(task.targetId(), comparison.get("source").asText(), task.attack(), task.repeat()),
                        comparison);
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        Map<String, JsonNode> budgets = new LinkedHashMap<>();
        for (EvaluateTask task : graph.tasks(EvaluateTask.class)) {
            JsonNode node = JSON.readTree(runDirectory.resolve(task.directory()).resolve("metrics.json").toFile());
            List<MetricValue> metrics = metricValues(node.get("metrics"));
            TrainTask target = (TrainTask) graph.task(task.targetId()).orElseThrow();
            boolean parent = target.parentId().map(task.sourceId()::equals).orElse(false);
            String attack = node.get("attack").asText();
            ResultRow.Setting setting = setting(graph, runDirectory, target, task, budgets);
            JsonNode comparison = comparisons.get(rowKey(task.targetId(), task.sourceId(), attack, task.repeat()));
            String outcome = null;
            List<MetricValue> comparisonMetrics = new ArrayList<>();
            if (comparison != null) {
                comparisonMetrics.addAll(metricValues(comparison.get("metrics")));
                comparisonMetrics.add(MetricValue.plain("p_adjusted", number(comparison.get("adjustedP"))));
                outcome = comparison.get("outcome").asText();
            }
            rows.add(new ResultRow(task.targetId(), task.sourceId(), parent, attack, task.repeat(),
                    node.get("images").asInt(), setting, metrics, outcome, comparisonMetrics));
        }
        return rows;
    }

    /** @param budgets each attack's budget, read from its meta.json once however many targets evaluated it */
    private static ResultRow.Setting setting(TaskGraph graph, Path runDirectory, TrainTask target, EvaluateTask task,
            Map<String, JsonNode> budgets) throws IOException {
        TrainTask source = (TrainTask) graph.task(task.sourceId()).orElseThrow();
        AttackTask attack = (AttackTask) graph.task(task.attackId()).orElseThrow();
        JsonNode budget = budgets.get(attack.id());
        if (budget == null) {
            budget = JSON.readTree(runDirectory.resolve(attack.directory()).resolve("meta.json").toFile()).get("budget");
            budgets.put(attack.id(), budget);
        }
        return new ResultRow.Setting(target.kind().label(), target.modelAlias(), target.datasetAlias(),
                target.subset().orElse(null), target.freeze().label(), target.parentId().orElse(null),
                source.modelAlias(), source.datasetAlias(), attack.setting().plugin(), budget.get("norm").asText(),
                asWritten(number(budget.get("epsilon"))));
    }

    /** Budgets are single-precision in the attacks: 0.1f is stored as 0.10000000149…, and reported as 0.1. */
    private static double asWritten(double epsilon) {
        return Double.isFinite(epsilon) ? Double.parseDouble(Float.toString((float) epsilon)) : epsilon;
    }

    /** One verdict per comparison task of the plan, read from its stored result. */
    public static List<VerdictRow> verdicts(TaskGraph graph, Path runDirectory) throws IOException {
        List<VerdictRow> verdicts = new ArrayList<>();
        for (CompareTask task : graph.tasks(CompareTask.class)) {
            JsonNode node = comparison(task, runDirectory);
            List<VerdictRow.Entry> entries = new ArrayList<>();
            for (JsonNode comparison : node.get("comparisons")) {
                entries.add(new VerdictRow.Entry(comparison.get("source").asText(), comparison.get("family").asText(),
                        metricValue(comparison.get("difference")), number(comparison.get("p")),
                        number(comparison.get("adjustedP")), comparison.get("outcome").asText()));
            }
            verdicts.add(new VerdictRow(task.targetId(), node.get("parent").asText(), task.attack(), task.repeat(),
                    node.get("verdict").asText(), node.get("crossArchitectureVerdict").asText(),
                    node.get("decidedBy").asText(), number(node.get("alpha")), entries));
        }
        return verdicts;
    }

    private static JsonNode comparison(CompareTask task, Path runDirectory) throws IOException {
        return JSON.readTree(runDirectory.resolve(task.directory()).resolve(COMPARISON).toFile());
    }

    private static String rowKey(String target, String source, String attack, int repeat) {
        return target + "\n" + source + "\n" + attack + "\n" + repeat;
    }

    private static List<MetricValue> metricValues(JsonNode array) {
        List<MetricValue> metrics = new ArrayList<>();
        for (JsonNode metric : array) {
            metrics.add(metricValue(metric));
        }
        return metrics;
    }

    private static MetricValue metricValue(JsonNode metric) {
        return new MetricValue(metric.get("name").asText(), number(metric.get("value")), number(metric.get("lower")),
                number(metric.get("upper")), metric.get("successes").asLong(), metric.get("trials").asLong());
    }

    public static void write(List<ResultRow> rows, Path runDirectory) throws IOException {
        ArtefactDirectory.writeAtomically(runDirectory.resolve("results.csv"), csv(rows).getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> json = new ArrayList<>();
        for (ResultRow row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("target", row.target());
            object.put("source", row.source());
            object.put("parent", row.parent());
            object.put("attack", row.attack());
            object.put("repeat", row.repeat());
            object.put("images", row.images());
            object.put("setting", row.setting());
            object.put("metrics", jsonMetrics(row.metrics()));
            if (row.comparison() != null) {
                object.put("comparison", row.comparison());
                object.put("comparisonMetrics", jsonMetrics(row.comparisonMetrics()));
            }
            json.add(object);
        }
        ArtefactDirectory.writeAtomically(runDirectory.resolve("results.json"), JSON.writeValueAsBytes(json));
        List<RepeatSummary> summaries = RepeatSummary.of(rows);
        ArtefactDirectory.writeAtomically(runDirectory.resolve("summary.csv"),
                RepeatSummary.csv(summaries).getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> summaryJson = new ArrayList<>();
        for (RepeatSummary summary : summaries) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("target", summary.target());
            object.put("source", summary.source());
            object.put("parent", summary.parent());
            object.put("attack", summary.attack());
            object.put("setting", summary.setting());
            object.put("repeats", summary.repeats());
            Map<String, Object> metrics = new LinkedHashMap<>();
            summary.metrics().forEach((name, m) -> {
                Map<String, Object> moments = new LinkedHashMap<>();
                moments.put("n", m.n());
                moments.put("mean", finite(m.mean()));
                moments.put("std", finite(m.std()));
                metrics.put(name, moments);
            });
            object.put("metrics", metrics);
            summaryJson.add(object);
        }
        ArtefactDirectory.writeAtomically(runDirectory.resolve("summary.json"), JSON.writeValueAsBytes(summaryJson));
    }

    private static Map<String, Object> jsonMetrics(List<MetricValue> values) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricValue value : values) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("value", finite(value.value()));
            if (value.hasInterval()) {
                metric.put("lower", finite(value.lower()));
                metric.put("upper", finite(value.upper()));
                metric.put("successes", value.successes());
                metric.put("trials", value.trials());
            }
            metrics.put(value.name(), metric);
        }
        return metrics;
    }

    /** {@code verdicts.csv}, one line per comparison, and {@code verdicts.json}, one object per verdict. */
    public static void writeVerdicts(List<VerdictRow> verdicts, Path runDirectory) throws IOException {
        writeVerdicts(verdicts, runDirectory, "verdicts");
    }

    /** {@code <name>.csv} and {@code <name>.json} of {@code verdicts}. */
    public static void writeVerdicts(List<VerdictRow> verdicts, Path runDirectory, String name) throws IOException {
        StringBuilder csv = new StringBuilder("target,parent,attack,repeat,verdict,family,family_verdict,source,"
                + "difference,difference_lower,difference_upper,p,p_adjusted,outcome\n");
        for (VerdictRow verdict : verdicts) {
            for (VerdictRow.Entry entry : verdict.comparisons()) {
                csv.append(verdict.target()).append(',').append(verdict.parent()).append(',').append(verdict.attack())
                        .append(',').append(verdict.repeat()).append(',').append(verdict.verdict()).append(',')
                        .append(entry.family()).append(',').append(verdict.verdictOf(entry.family())).append(',')
                        .append(entry.source()).append(',').append(format(entry.difference().value())).append(',')
                        .append(format(entry.difference().lower())).append(',').append(format(entry.difference().upper()))
                        .append(',').append(formatP(entry.p())).append(',').append(formatP(entry.adjustedP())).append(',')
                        .append(entry.outcome()).append('\n');
            }
        }
        ArtefactDirectory.writeAtomically(runDirectory.resolve(name + ".csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> json = new ArrayList<>();
        for (VerdictRow verdict : verdicts) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("target", verdict.target());
            object.put("parent", verdict.parent());
            object.put("attack", verdict.attack());
            object.put("repeat", verdict.repeat());
            object.put("verdict", verdict.verdict());
            object.put("crossArchitectureVerdict", verdict.crossVerdict());
            object.put("decidedBy", verdict.decidedBy());
            object.put("alpha", verdict.alpha());
            List<Map<String, Object>> comparisons = new ArrayList<>();
            for (VerdictRow.Entry entry : verdict.comparisons()) {
                Map<String, Object> comparison = new LinkedHashMap<>();
                comparison.put("source", entry.source());
                comparison.put("family", entry.family());
                comparison.put("difference", finite(entry.difference().value()));
                comparison.put("lower", finite(entry.difference().lower()));
                comparison.put("upper", finite(entry.difference().upper()));
                comparison.put("p", finite(entry.p()));
                comparison.put("adjustedP", finite(entry.adjustedP()));
                comparison.put("outcome", entry.outcome());
                comparisons.add(comparison);
            }
            object.put("comparisons", comparisons);
            json.add(object);
        }
        ArtefactDirectory.writeAtomically(runDirectory.resolve(name + ".json"), JSON.writeValueAsBytes(json));
    }

    private static String formatBudget(double budget) {
        return Double.isInfinite(budget) ? "inf" : new java.math.BigDecimal(Double.toString(budget)).stripTrailingZeros()
                .toPlainString();
    }

    /** p-values span many orders of magnitude: fixed decimals would print tiny ones as 0. */
    private static String formatP(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.6g", p);
    }

    /** One line per row; each rate is followed by its interval bounds, so the file is self-contained. */
    static String csv(List<ResultRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        Map<String, Boolean> hasInterval = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            for (MetricValue value : row.allMetrics()) {
                columns.add(value.name());
                hasInterval.merge(value.name(), value.trials() > 0 || value.hasInterval(), Boolean::logicalOr);
            }
        }
        StringBuilder out = new StringBuilder("target,source,parent,attack,repeat,images,target_kind,target_model,"
                + "target_dataset,target_subset,target_freeze,source_model,source_dataset,attack_plugin,budget_norm,budget");
        for (String column : columns) {
            out.append(',').append(column);
            if (hasInterval.get(column)) {
                out.append(',').append(column).append("_lower,").append(column).append("_upper");
            }
        }
        boolean compared = rows.stream().anyMatch(row -> row.comparison() != null);
        if (compared) {
            out.append(",comparison");
        }
        out.append('\n');
        for (ResultRow row : rows) {
            out.append(row.target()).append(',').append(row.source()).append(',').append(row.parent()).append(',')
                    .append(row.attack()).append(',').append(row.repeat()).append(',').append(row.images());
            ResultRow.Setting setting = row.setting();
            out.append(',').append(setting.targetKind()).append(',').append(setting.targetModel()).append(',')
                    .append(setting.targetDataset()).append(',')
                    .append(setting.targetSubset() == null ? "" : setting.targetSubset()).append(',')
                    .append(setting.targetFreeze()).append(',').append(setting.sourceModel()).append(',')
                    .append(setting.sourceDataset()).append(',').append(setting.attackPlugin()).append(',')
                    .append(setting.budgetNorm()).append(',').append(formatBudget(setting.budget()));
            for (String column : columns) {
                MetricValue value = row.metric(column);
                out.append(',').append(value == null ? "" : format(value.value()));
                if (hasInterval.get(column)) {
                    out.append(',').append(value == null ? "" : format(value.lower()))
                            .append(',').append(value == null ? "" : format(value.upper()));
                }
            }
            if (compared) {
                out.append(',').append(row.comparison() == null ? "" : row.comparison());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }
}
