package org.transferlab.kernel.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.transferlab.api.metric.MetricValue;

/**
 * Results over repeats (independent seeds of the whole chain): one row per target × source × attack setting with the
 * mean and sample standard deviation of every metric across the repeats that have a value.
 *
 * @param target  the target's id without its repeat suffix, e.g. {@code finetune/alexnet@kmnist>mnist-n500-first8}
 */
public record RepeatSummary(String target, String source, boolean parent, String attack, ResultRow.Setting setting,
        int repeats, Map<String, Moments> metrics) {

    /** @param std the sample standard deviation (n − 1); NaN for fewer than two values */
    public record Moments(int n, double mean, double std) {
    }

    public static List<RepeatSummary> of(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            String key = withoutRepeat(row.target(), row.repeat()) + "\n" + withoutRepeat(row.source(), row.repeat())
                    + "\n" + row.attack();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<RepeatSummary> summaries = new ArrayList<>();
        for (List<ResultRow> group : groups.values()) {
            ResultRow first = group.get(0);
            Set<String> names = new LinkedHashSet<>();
            group.forEach(row -> row.metrics().forEach(m -> names.add(m.name())));
            Map<String, Moments> metrics = new LinkedHashMap<>();
            for (String name : names) {
                List<Double> values = new ArrayList<>();
                for (ResultRow row : group) {
                    MetricValue value = row.metric(name);
                    if (value != null && !Double.isNaN(value.value())) {
                        values.add(value.value());
                    }
                }
                metrics.put(name, moments(values));
            }
            ResultRow.Setting s = first.setting();
            ResultRow.Setting setting = new ResultRow.Setting(s.targetKind(), s.targetModel(), s.targetDataset(),
                    s.targetSubset(), s.targetFreeze(), s.targetParent() == null ? null : withoutRepeat(s.targetParent(),
                    first.repeat()), s.sourceModel(), s.sourceDataset(), s.attackPlugin(), s.budgetNorm(), s.budget());
            summaries.add(new RepeatSummary(withoutRepeat(first.target(), first.repeat()),
                    withoutRepeat(first.source(), first.repeat()), first.parent(), first.attack(), setting, group.size(),
                    metrics));
        }
        return summaries;
    }

    static Moments moments(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new Moments(1, mean, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Moments(n, mean, Math.sqrt(squares / (n - 1)));
    }

    /** Task ids of repeat k end in {@code -rk} when an experiment has several repeats. */
    static String withoutRepeat(String id, int repeat) {
        String suffix = "-r" + repeat;
        return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
    }

    /** {@code summary.csv}: per metric its mean and standard deviation over the repeats. */
    static String csv(List<RepeatSummary> summaries) {
        Set<String> names = new LinkedHashSet<>();
        summaries.forEach(s -> names.addAll(s.metrics().keySet()));
        StringBuilder out = new StringBuilder("target,source,parent,attack,repeats");
        names.forEach(name -> out.append(',').append(name).append("_mean,").append(name).append("_std"));
        out.append('\n');
        for (RepeatSummary summary : summaries) {
            out.append(summary.target()).append(',').append(summary.source()).append(',').append(summary.parent())
                    .append(',').append(summary.attack()).append(',').append(summary.repeats());
            for (String name : names) {
                Moments m = summary.metrics().get(name);
                out.append(',').append(m == null ? "" : format(m.mean())).append(',')
                        .append(m == null ? "" : format(m.std()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
