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
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TrainTask;

/** Collects the evaluation artefacts of a run into rows and writes {@code results.csv} and {@code results.json}. */
public final class Results {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Results() {
    }

    public static List<ResultRow> collect(TaskGraph graph, Path runDirectory) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (EvaluateTask task : graph.tasks(EvaluateTask.class)) {
            Path file = runDirectory.resolve(task.directory()).resolve("metrics.json");
            JsonNode node = JSON.readTree(file.toFile());
            List<MetricValue> metrics = new ArrayList<>();
            for (JsonNode metric : node.get("metrics")) {
                metrics.add(new MetricValue(metric.get("name").asText(), number(metric.get("value")),
                        number(metric.get("lower")), number(metric.get("upper")),
                        metric.get("successes").asLong(), metric.get("trials").asLong()));
            }
            TrainTask target = (TrainTask) graph.task(task.targetId()).orElseThrow();
            boolean parent = target.parentId().map(task.sourceId()::equals).orElse(false);
            rows.add(new ResultRow(task.targetId(), task.sourceId(), parent, node.get("attack").asText(), task.repeat(),
                    node.get("images").asInt(), metrics));
        }
        return rows;
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
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (MetricValue value : row.metrics()) {
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
            object.put("metrics", metrics);
            json.add(object);
        }
        ArtefactDirectory.writeAtomically(runDirectory.resolve("results.json"), JSON.writeValueAsBytes(json));
    }

    /** One line per row; each rate is followed by its interval bounds, so the file is self-contained. */
    static String csv(List<ResultRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        Map<String, Boolean> hasInterval = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            for (MetricValue value : row.metrics()) {
                columns.add(value.name());
                hasInterval.merge(value.name(), value.trials() > 0 || value.hasInterval(), Boolean::logicalOr);
            }
        }
        StringBuilder out = new StringBuilder("target,source,parent,attack,repeat,images");
        for (String column : columns) {
            out.append(',').append(column);
            if (hasInterval.get(column)) {
                out.append(',').append(column).append("_lower,").append(column).append("_upper");
            }
        }
        out.append('\n');
        for (ResultRow row : rows) {
            out.append(row.target()).append(',').append(row.source()).append(',').append(row.parent()).append(',')
                    .append(row.attack()).append(',').append(row.repeat()).append(',').append(row.images());
            for (String column : columns) {
                MetricValue value = row.metric(column);
                out.append(',').append(value == null ? "" : format(value.value()));
                if (hasInterval.get(column)) {
                    out.append(',').append(value == null ? "" : format(value.lower()))
                            .append(',').append(value == null ? "" : format(value.upper()));
                }
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
