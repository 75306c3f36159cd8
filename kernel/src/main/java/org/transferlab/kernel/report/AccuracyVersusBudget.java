package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.transferlab.kernel.results.RepeatSummary;

/**
 * Adversarial accuracy of each target against the attack budget ε, one chart per target and attack (its settings but
 * the budget), one line per source; the target's parent stands out and the other sources recede. The target's clean
 * accuracy is a dashed reference. A target attacked at a single budget has no curve and is skipped, saying so.
 */
final class AccuracyVersusBudget {

    static final String METRIC = "adversarial_accuracy";
    private static final String CLEAN = "clean_accuracy";

    private AccuracyVersusBudget() {
    }

    static PlotSet of(List<RepeatSummary> summaries) {
        Map<List<String>, List<RepeatSummary>> groups = new LinkedHashMap<>();
        for (RepeatSummary summary : summaries) {
            if (summary.metrics().containsKey(METRIC) && Double.isFinite(summary.setting().budget())) {
                groups.computeIfAbsent(List.of(summary.target(), withoutBudget(summary.attack()), norm(summary)),
                        k -> new ArrayList<>()).add(summary);
            }
        }
        List<LinePlot> plots = new ArrayList<>();
        Map<String, List<String>> singleBudget = new LinkedHashMap<>();
        Set<String> plotted = new HashSet<>();
        for (Map.Entry<List<String>, List<RepeatSummary>> group : groups.entrySet()) {
            String target = group.getKey().get(0);
            String attack = group.getKey().get(1);
            long budgets = group.getValue().stream().mapToDouble(s -> s.setting().budget()).distinct().count();
            if (budgets < 2) {
                singleBudget.computeIfAbsent(attack, a -> new ArrayList<>()).add(ModelLabel.of(target));
            } else {
                plotted.add(attack);
                plots.add(plot(target, attack, group.getKey().get(2), group.getValue()));
            }
        }
        List<String> single = new ArrayList<>();
        // An attack run at one budget for every target is named once; otherwise with the targets concerned.
        singleBudget.forEach((attack, targets) -> single.add(plotted.contains(attack)
                ? attack + " on " + String.join(", ", targets) : attack));
        List<String> skipped = new ArrayList<>();
        if (!single.isEmpty()) {
            skipped.add("Attacked at a single budget, so without an accuracy-versus-ε curve (the heat maps and the "
                    + "results table show them): " + String.join("; ", single) + ".");
        }
        return new PlotSet(plots, skipped);
    }

    private static LinePlot plot(String target, String attack, String norm, List<RepeatSummary> group) {
        Map<String, TreeMap<Double, Double>> bySource = new LinkedHashMap<>();
        TreeMap<Double, List<Double>> clean = new TreeMap<>();
        String parent = null;
        for (RepeatSummary summary : group) {
            bySource.computeIfAbsent(summary.source(), s -> new TreeMap<>())
                    .put(summary.setting().budget(), summary.metrics().get(METRIC).mean());
            if (summary.parent()) {
                parent = summary.source();
            }
            RepeatSummary.Moments cleanAccuracy = summary.metrics().get(CLEAN);
            if (cleanAccuracy != null && !Double.isNaN(cleanAccuracy.mean())) {
                clean.computeIfAbsent(summary.setting().budget(), b -> new ArrayList<>()).add(cleanAccuracy.mean());
            }
        }
        List<LinePlot.Line> lines = new ArrayList<>();
        if (parent != null) {
            lines.add(LinePlot.Line.through(ModelLabel.of(parent) + " (parent)", bySource.get(parent),
                    LinePlot.Emphasis.HIGHLIGHT, 0, false));
        }
        int colour = 1;
        for (Map.Entry<String, TreeMap<Double, Double>> source : bySource.entrySet()) {
            if (!source.getKey().equals(parent)) {
                lines.add(LinePlot.Line.through(ModelLabel.of(source.getKey()), source.getValue(),
                        parent != null ? LinePlot.Emphasis.MUTED : LinePlot.Emphasis.NORMAL, colour++, false));
            }
        }
        if (!clean.isEmpty()) {
            // The target's clean accuracy does not depend on the source: one dashed reference over the budgets.
            TreeMap<Double, Double> reference = new TreeMap<>();
            clean.forEach((budget, values) -> reference.put(budget,
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            lines.add(LinePlot.Line.through("clean accuracy", reference, LinePlot.Emphasis.REFERENCE, 0, true));
        }
        String epsilon = Objects.equals(norm, "L2") ? "ε (L2)" : "ε (L∞)";
        return new LinePlot(ModelLabel.fileName("accuracy-vs-eps", ModelLabel.of(target), attack),
                ModelLabel.of(target) + " — " + attack, epsilon, "adversarial accuracy", true, null, null, lines);
    }

    /** The attack setting without its budget: {@code pgd-eps0.3-steps40} → {@code pgd-steps40}, one curve over ε. */
    static String withoutBudget(String attack) {
        return attack.replaceFirst("-eps[^-]*", "");
    }

    private static String norm(RepeatSummary summary) {
        return String.valueOf(summary.setting().budgetNorm());
    }
}
