package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transferlab.kernel.results.RepeatSummary;
import org.transferlab.kernel.results.ResultRow;

/**
 * Transfer rate against one property of the fine-tuning — the subset size or the freeze depth — with everything else
 * about the target held fixed. One chart per attack setting; per family of targets that differ only in that property,
 * a line for the parent's transfer rate and a dashed one for the mean over the other sources. A study that varies the
 * property for no family has no such chart, and the report says so.
 */
enum TransferSweep {

    SUBSET("transfer-vs-subset", "fine-tuning images (sizes evenly spaced)", "subset size", true),
    FREEZE("transfer-vs-freeze", "frozen parameter tensors", "freeze depth", false);

    private static final Pattern FREEZE_COUNT = Pattern.compile("(first|last)([0-9]+)");

    private final String fileName;
    private final String xTitle;
    private final String property;
    /** Subset sizes (500 … 60,000) are drawn at evenly spaced positions, labelled with the sizes. */
    private final boolean ordinal;

    TransferSweep(String fileName, String xTitle, String property, boolean ordinal) {
        this.fileName = fileName;
        this.xTitle = xTitle;
        this.property = property;
        this.ordinal = ordinal;
    }

    String property() {
        return property;
    }

    /** The property's value for a target: its subset size, or how many tensors it froze ({@code none} is 0). */
    OptionalDouble x(ResultRow.Setting setting) {
        if (this == SUBSET) {
            return setting.targetSubset() == null ? OptionalDouble.empty() : OptionalDouble.of(setting.targetSubset());
        }
        return freezeCount(setting.targetFreeze());
    }

    static OptionalDouble freezeCount(String freeze) {
        if ("none".equals(freeze)) {
            return OptionalDouble.of(0);
        }
        Matcher matcher = freeze == null ? null : FREEZE_COUNT.matcher(freeze);
        return matcher != null && matcher.matches() ? OptionalDouble.of(Integer.parseInt(matcher.group(2)))
                : OptionalDouble.empty();
    }

    /** What a family of targets shares: every property of the target but the swept one. */
    private List<String> family(ResultRow.Setting s) {
        String freezeSide = "none".equals(s.targetFreeze()) ? "" : s.targetFreeze().replaceAll("[0-9]+$", "");
        return this == SUBSET
                ? List.of(String.valueOf(s.targetKind()), String.valueOf(s.targetModel()), String.valueOf(s.targetDataset()),
                        String.valueOf(s.targetParent()), String.valueOf(s.targetFreeze()))
                : List.of(String.valueOf(s.targetKind()), String.valueOf(s.targetModel()), String.valueOf(s.targetDataset()),
                        String.valueOf(s.targetParent()), String.valueOf(s.targetSubset()), freezeSide);
    }

    PlotSet of(List<RepeatSummary> summaries) {
        Map<String, Map<List<String>, Family>> byAttack = new LinkedHashMap<>();
        List<RepeatSummary> unfrozen = new ArrayList<>();
        for (RepeatSummary summary : summaries) {
            if (transfer(summary).isEmpty() || x(summary).isEmpty()) {
                continue;
            }
            if (this == FREEZE && "none".equals(summary.setting().targetFreeze())) {
                unfrozen.add(summary);
                continue;
            }
            add(byAttack, family(summary.setting()), summary);
        }
        // A target that froze nothing is depth 0 of every freeze family (first N or last N) it otherwise belongs to.
        for (RepeatSummary summary : unfrozen) {
            List<String> family = family(summary.setting());
            List<List<String>> matching = byAttack.getOrDefault(summary.attack(), Map.of()).keySet().stream()
                    .filter(key -> key.subList(0, key.size() - 1).equals(family.subList(0, family.size() - 1)))
                    .toList();
            if (matching.isEmpty()) {
                add(byAttack, family, summary);
            }
            matching.forEach(key -> add(byAttack, key, summary));
        }
        List<LinePlot> plots = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        for (Map.Entry<String, Map<List<String>, Family>> attack : byAttack.entrySet()) {
            List<LinePlot.Line> lines = new ArrayList<>();
            int colour = 0;
            for (Family family : attack.getValue().values()) {
                if (family.xs() < 2) {
                    continue;
                }
                lines.addAll(family.lines(colour++));
            }
            if (lines.isEmpty()) {
                flat.add(attack.getKey());
            } else {
                List<String> xLabels = ordinal ? positions(lines) : null;
                plots.add(new LinePlot(ModelLabel.fileName(fileName, attack.getKey()),
                        "transfer rate vs " + property + " — " + attack.getKey(), xTitle, "transfer rate", true, null,
                        xLabels, ordinal ? atPositions(lines) : lines));
            }
        }
        List<String> skipped = new ArrayList<>();
        if (!flat.isEmpty()) {
            skipped.add((plots.isEmpty() ? "No chart of transfer against " + property + ": the study uses"
                    : "Left out for " + String.join(", ", flat) + ": those targets use")
                    + " a single " + property + " for each family of fine-tuned targets, so there is nothing to compare.");
        }
        return new PlotSet(plots, skipped);
    }

    /** The distinct x values of the lines in order, as labels of the positions 0, 1, …. */
    private static List<String> positions(List<LinePlot.Line> lines) {
        return distinctX(lines).stream().map(x -> Long.toString(Math.round(x))).toList();
    }

    private static List<LinePlot.Line> atPositions(List<LinePlot.Line> lines) {
        List<Double> xs = distinctX(lines);
        return lines.stream().map(line -> new LinePlot.Line(line.label(),
                Arrays.stream(line.x()).map(x -> xs.indexOf(x)).toArray(), line.y(), line.emphasis(),
                line.colour(), line.dashed(), line.right())).toList();
    }

    private static List<Double> distinctX(List<LinePlot.Line> lines) {
        return lines.stream().flatMapToDouble(line -> Arrays.stream(line.x())).sorted().distinct().boxed()
                .toList();
    }

    private void add(Map<String, Map<List<String>, Family>> byAttack, List<String> family, RepeatSummary summary) {
        byAttack.computeIfAbsent(summary.attack(), a -> new LinkedHashMap<>())
                .computeIfAbsent(family, k -> new Family(summary.setting()))
                .add(x(summary).getAsDouble(), summary.parent(), transfer(summary).getAsDouble());
    }

    private OptionalDouble x(RepeatSummary summary) {
        return summary.setting().targetFreeze() == null ? OptionalDouble.empty() : x(summary.setting());
    }

    private static OptionalDouble transfer(RepeatSummary summary) {
        RepeatSummary.Moments transfer = summary.metrics().get(HeatMapMatrix.METRIC);
        return transfer == null || Double.isNaN(transfer.mean()) ? OptionalDouble.empty() : OptionalDouble.of(transfer.mean());
    }

    /** Targets that differ only in the swept property: the parent's transfer and the other sources' per value. */
    private final class Family {
        private final ResultRow.Setting setting;
        private final TreeMap<Double, Double> parent = new TreeMap<>();
        private final TreeMap<Double, List<Double>> others = new TreeMap<>();

        Family(ResultRow.Setting setting) {
            this.setting = setting;
        }

        void add(double x, boolean isParent, double transfer) {
            if (isParent) {
                parent.put(x, transfer);
            } else {
                others.computeIfAbsent(x, k -> new ArrayList<>()).add(transfer);
            }
        }

        int xs() {
            Set<Double> all = new TreeSet<>(parent.keySet());
            all.addAll(others.keySet());
            return all.size();
        }

        List<LinePlot.Line> lines(int colour) {
            String name = label();
            List<LinePlot.Line> lines = new ArrayList<>();
            if (!parent.isEmpty()) {
                lines.add(LinePlot.Line.through(name + ": parent", parent, LinePlot.Emphasis.HIGHLIGHT, colour, false));
            }
            if (!others.isEmpty()) {
                TreeMap<Double, Double> mean = new TreeMap<>();
                others.forEach((x, values) -> mean.put(x, values.stream().mapToDouble(Double::doubleValue).average()
                        .orElse(Double.NaN)));
                int count = others.values().stream().mapToInt(List::size).max().orElse(0);
                String label = parent.isEmpty() ? ": mean of " + count + " sources"
                        : ": mean of " + count + " other source" + (count == 1 ? "" : "s");
                lines.add(LinePlot.Line.through(name + label, mean,
                        parent.isEmpty() ? LinePlot.Emphasis.NORMAL : LinePlot.Emphasis.MUTED, colour, true));
            }
            return lines;
        }

        /** The family's name in a legend: what its targets share, e.g. {@code alexnet@outline>digits, first8}. */
        private String label() {
            String origin = setting.targetParent() != null
                    ? ModelLabel.of(setting.targetParent()) + ">" + setting.targetDataset()
                    : setting.targetKind() + " " + setting.targetModel() + "@" + setting.targetDataset();
            return SUBSET == TransferSweep.this
                    ? origin + ", " + setting.targetFreeze()
                    : origin + ", n" + (setting.targetSubset() == null ? "all" : setting.targetSubset());
        }
    }
}
