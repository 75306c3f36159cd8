package org.transferlab.kernel.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.api.metric.McNemar;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.api.metric.PairedMetric.PairedComparison;
import org.transferlab.kernel.stats.ComparisonFamily;
import org.transferlab.kernel.stats.FamilyVerdicts;
import org.transferlab.kernel.stats.Verdict;

/**
 * Verdicts pooled over a study's repeats: per target, attack setting and other source, the discordant pairs of every
 * repeat are summed, b = Σ b_r and c = Σ c_r, and tested with the exact McNemar test. That is the exact test stratified
 * by repeat: under the null hypothesis each stratum's b_r is Bin(b_r + c_r, ½), so their sum is Bin(Σ (b_r + c_r), ½).
 * The pooled difference weighs each repeat by the images its target classified correctly. Holm then adjusts within each
 * comparison family, as for one repeat.
 */
public final class PooledVerdicts {

    private PooledVerdicts() {
    }

    /** One pooled verdict per target and attack setting, with {@code repeat} 0; none for a study of one repeat. */
    public static List<VerdictRow> of(List<VerdictRow> verdicts, List<ResultRow> rows) {
        if (verdicts.stream().mapToInt(VerdictRow::repeat).distinct().count() < 2) {
            return List.of();
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            MetricValue b = metric(row, "mcnemar_parent_only");
            MetricValue c = metric(row, "mcnemar_other_only");
            MetricValue difference = metric(row, "transfer_difference");
            if (b == null || c == null || difference == null) {
                continue;
            }
            String key = key(strip(row.target(), row.repeat()), row.attack(), strip(row.source(), row.repeat()));
            counts.computeIfAbsent(key, k -> new Counts()).add(b.value(), c.value(), difference);
        }
        Map<String, VerdictRow> first = new LinkedHashMap<>();
        Map<String, Map<String, String>> families = new LinkedHashMap<>();
        for (VerdictRow verdict : verdicts) {
            String setting = strip(verdict.target(), verdict.repeat()) + "\n" + verdict.attack();
            first.putIfAbsent(setting, verdict);
            Map<String, String> ofSetting = families.computeIfAbsent(setting, s -> new LinkedHashMap<>());
            for (VerdictRow.Entry entry : verdict.comparisons()) {
                ofSetting.putIfAbsent(strip(entry.source(), verdict.repeat()), entry.family());
            }
        }
        List<VerdictRow> pooled = new ArrayList<>();
        for (Map.Entry<String, VerdictRow> setting : first.entrySet()) {
            VerdictRow verdict = setting.getValue();
            String target = strip(verdict.target(), verdict.repeat());
            Map<String, PairedComparison> others = new LinkedHashMap<>();
            for (String source : families.get(setting.getKey()).keySet()) {
                Counts sum = counts.get(key(target, verdict.attack(), source));
                if (sum != null) {
                    others.put(source, sum.comparison());
                }
            }
            Map<String, String> family = families.get(setting.getKey());
            FamilyVerdicts result = FamilyVerdicts.of(strip(verdict.parent(), verdict.repeat()), others,
                    source -> ComparisonFamily.fromLabel(family.get(source)));
            List<VerdictRow.Entry> entries = new ArrayList<>();
            for (ComparisonFamily f : ComparisonFamily.values()) {
                for (Verdict.Comparison comparison : result.get(f).comparisons()) {
                    entries.add(new VerdictRow.Entry(comparison.source(), f.label(), comparison.result().difference(),
                            comparison.p(), comparison.adjustedP(), comparison.outcome().label()));
                }
            }
            pooled.add(new VerdictRow(target, strip(verdict.parent(), verdict.repeat()), verdict.attack(), 0,
                    result.headline().summary().label(),
                    result.get(ComparisonFamily.CROSS_ARCHITECTURE).summary().label(), verdict.decidedBy(),
                    verdict.alpha(), entries));
        }
        return pooled;
    }

    private static MetricValue metric(ResultRow row, String name) {
        if (row.comparisonMetrics() == null) {
            return null;
        }
        return row.comparisonMetrics().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    private static String key(String target, String attack, String source) {
        return target + "\n" + attack + "\n" + source;
    }

    private static String strip(String id, int repeat) {
        return RepeatSummary.withoutRepeat(id, repeat);
    }

    /** Discordant pairs and the weighted difference, summed over repeats. */
    private static final class Counts {
        private long parentOnly;
        private long otherOnly;
        private long trials;
        private double weightedDifference;

        void add(double b, double c, MetricValue difference) {
            parentOnly += Math.round(b);
            otherOnly += Math.round(c);
            trials += difference.trials();
            weightedDifference += difference.value() * difference.trials();
        }

        PairedComparison comparison() {
            double p = McNemar.exactP(parentOnly, otherOnly);
            double difference = trials == 0 ? Double.NaN : weightedDifference / trials;
            MetricValue value = new MetricValue("transfer_difference", difference, Double.NaN, Double.NaN, 0, trials);
            return new PairedComparison(p, value, List.of(MetricValue.plain("mcnemar_parent_only", parentOnly),
                    MetricValue.plain("mcnemar_other_only", otherOnly), MetricValue.plain("mcnemar_p", p), value));
        }
    }
}
