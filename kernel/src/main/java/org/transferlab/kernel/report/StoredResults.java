package org.transferlab.kernel.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.results.RepeatSummary;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.VerdictRow;
import org.transferlab.kernel.stats.ComparisonFamily;

/** Reads {@code results.json}, {@code summary.json} and {@code verdicts.json} back into the records that wrote them. */
final class StoredResults {

    private StoredResults() {
    }

    static List<ResultRow> rows(Path file) {
        List<ResultRow> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode row : JsonFiles.array(JsonFiles.read(file), file)) {
            String what = "row " + ++index;
            BiFunction<String, JsonNode, MetricValue> value = (name, node) -> new MetricValue(name,
                    JsonFiles.number(node, "value"), JsonFiles.number(node, "lower"), JsonFiles.number(node, "upper"),
                    node.path("successes").asLong(0), node.path("trials").asLong(0));
            rows.add(new ResultRow(JsonFiles.text(row, "target", file, what), JsonFiles.text(row, "source", file, what),
                    row.path("parent").asBoolean(false), JsonFiles.text(row, "attack", file, what),
                    row.path("repeat").asInt(1), row.path("images").asInt(0), setting(row.get("setting")),
                    List.copyOf(metrics(row, "metrics", value).values()), JsonFiles.textOrNull(row, "comparison"),
                    List.copyOf(metrics(row, "comparisonMetrics", value).values())));
        }
        return rows;
    }

    static List<RepeatSummary> summaries(Path file) {
        List<RepeatSummary> summaries = new ArrayList<>();
        int index = 0;
        for (JsonNode summary : JsonFiles.array(JsonFiles.read(file), file)) {
            String what = "entry " + ++index;
            Map<String, RepeatSummary.Moments> metrics = metrics(summary, "metrics", (name, value) -> new RepeatSummary.Moments(
                    value.path("n").asInt(0), JsonFiles.number(value, "mean"), JsonFiles.number(value, "std")));
            summaries.add(new RepeatSummary(JsonFiles.text(summary, "target", file, what),
                    JsonFiles.text(summary, "source", file, what), summary.path("parent").asBoolean(false),
                    JsonFiles.text(summary, "attack", file, what), setting(summary.get("setting")),
                    summary.path("repeats").asInt(1), metrics));
        }
        return summaries;
    }

    static List<VerdictRow> verdicts(Path file) {
        List<VerdictRow> verdicts = new ArrayList<>();
        int index = 0;
        for (JsonNode verdict : JsonFiles.array(JsonFiles.read(file), file)) {
            String what = "verdict " + ++index;
            List<VerdictRow.Entry> entries = new ArrayList<>();
            for (JsonNode comparison : verdict.path("comparisons")) {
                MetricValue difference = new MetricValue("transfer_difference", JsonFiles.number(comparison, "difference"),
                        JsonFiles.number(comparison, "lower"), JsonFiles.number(comparison, "upper"), 0, 0);
                String family = JsonFiles.textOrNull(comparison, "family");
                entries.add(new VerdictRow.Entry(JsonFiles.text(comparison, "source", file, what + "'s comparison"),
                        family == null ? ComparisonFamily.SAME_ARCHITECTURE.label() : family, difference, JsonFiles.number(comparison, "p"),
                        JsonFiles.number(comparison, "adjustedP"),
                        JsonFiles.text(comparison, "outcome", file, what + "'s comparison")));
            }
            verdicts.add(new VerdictRow(JsonFiles.text(verdict, "target", file, what),
                    JsonFiles.text(verdict, "parent", file, what), JsonFiles.text(verdict, "attack", file, what),
                    verdict.path("repeat").asInt(1), JsonFiles.text(verdict, "verdict", file, what),
                    JsonFiles.textOrNull(verdict, "crossArchitectureVerdict"), JsonFiles.textOrNull(verdict, "decidedBy"),
                    JsonFiles.number(verdict, "alpha"), entries));
        }
        return verdicts;
    }

    /** An entry's {@code metrics} object, name → value, in the file's order. */
    private static <T> Map<String, T> metrics(JsonNode entry, String field, BiFunction<String, JsonNode, T> read) {
        Map<String, T> metrics = new LinkedHashMap<>();
        JsonNode object = entry.get(field);
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = it.next();
                metrics.put(metric.getKey(), read.apply(metric.getKey(), metric.getValue()));
            }
        }
        return metrics;
    }

    private static ResultRow.Setting setting(JsonNode node) {
        JsonNode subset = node == null ? null : node.get("targetSubset");
        return new ResultRow.Setting(JsonFiles.textOrNull(node, "targetKind"), JsonFiles.textOrNull(node, "targetModel"),
                JsonFiles.textOrNull(node, "targetDataset"),
                subset == null || !subset.canConvertToInt() ? null : subset.asInt(),
                JsonFiles.textOrNull(node, "targetFreeze"), JsonFiles.textOrNull(node, "targetParent"),
                JsonFiles.textOrNull(node, "sourceModel"), JsonFiles.textOrNull(node, "sourceDataset"),
                JsonFiles.textOrNull(node, "attackPlugin"), JsonFiles.textOrNull(node, "budgetNorm"),
                JsonFiles.number(node, "budget"));
    }
}
