package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.kernel.results.RepeatSummary;

/**
 * One attack setting's transfer rates as a grid: a row per target, a column per source, in the order the results list
 * them. A cell without a result is NaN; {@code parent[t][s]} marks the source a target was fine-tuned from.
 */
record HeatMapMatrix(String attack, List<String> targets, List<String> sources, double[][] values, boolean[][] parent) {

    static final String METRIC = "transfer_rate";

    /** One matrix per attack setting that has a transfer rate, in the order the attack settings first appear. */
    static List<HeatMapMatrix> of(List<RepeatSummary> summaries) {
        Map<String, List<RepeatSummary>> byAttack = new LinkedHashMap<>();
        for (RepeatSummary summary : summaries) {
            if (summary.metrics().containsKey(METRIC)) {
                byAttack.computeIfAbsent(summary.attack(), a -> new ArrayList<>()).add(summary);
            }
        }
        List<HeatMapMatrix> matrices = new ArrayList<>();
        byAttack.forEach((attack, group) -> matrices.add(of(attack, group)));
        return matrices;
    }

    private static HeatMapMatrix of(String attack, List<RepeatSummary> group) {
        List<String> targets = group.stream().map(RepeatSummary::target).distinct().toList();
        List<String> sources = group.stream().map(RepeatSummary::source).distinct().toList();
        double[][] values = new double[targets.size()][sources.size()];
        boolean[][] parent = new boolean[targets.size()][sources.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (RepeatSummary summary : group) {
            int t = targets.indexOf(summary.target());
            int s = sources.indexOf(summary.source());
            values[t][s] = summary.metrics().get(METRIC).mean();
            parent[t][s] = summary.parent();
        }
        return new HeatMapMatrix(attack, targets, sources, values, parent);
    }

    double value(String target, String source) {
        return values[targets.indexOf(target)][sources.indexOf(source)];
    }

    boolean isParent(String target, String source) {
        return parent[targets.indexOf(target)][sources.indexOf(source)];
    }
}
