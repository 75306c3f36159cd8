package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.transferlab.kernel.results.VerdictRow;
import org.transferlab.kernel.stats.ComparisonFamily;

/**
 * The answer, first: per comparison family, in how many target × attack settings the parent transfers better than
 * every other source of that family, how the rest split, and the median difference parent − other.
 */
final class VerdictSummary {

    static final String HEADING = "Answer: does the parent's attack transfer better?";

    private VerdictSummary() {
    }

    static List<ReportBlock> of(Optional<List<VerdictRow>> stored) {
        List<VerdictRow> verdicts = stored.orElse(List.of());
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(new ReportBlock.Heading(2, HEADING));
        if (verdicts.isEmpty()) {
            blocks.add(new ReportBlock.Paragraph("No verdicts; the verdicts section below says why."));
            return blocks;
        }
        List<List<String>> table = new ArrayList<>();
        for (ComparisonFamily f : ComparisonFamily.values()) {
            String family = f.label();
            Map<String, Integer> counts = new TreeMap<>();
            List<Double> differences = new ArrayList<>();
            int settings = 0;
            for (VerdictRow verdict : verdicts) {
                List<VerdictRow.Entry> entries = verdict.comparisons().stream()
                        .filter(entry -> entry.family().equals(family)).toList();
                if (entries.isEmpty()) {
                    continue;
                }
                settings++;
                counts.merge(verdict.verdictOf(family) == null ? "unknown" : verdict.verdictOf(family), 1, Integer::sum);
                entries.forEach(entry -> differences.add(entry.difference().value()));
            }
            if (settings == 0) {
                continue;
            }
            int all = counts.getOrDefault("better-than-all", 0);
            String who = f == ComparisonFamily.SAME_ARCHITECTURE
                    ? "every other source of its own architecture (pre-trained on other data)"
                    : "every source of another architecture";
            blocks.add(new ReportBlock.Paragraph(String.format(Locale.ROOT, "%s: the parent transfers better than %s "
                            + "in %d of %d target × attack settings%s; median difference %s points.",
                    f == ComparisonFamily.SAME_ARCHITECTURE ? "Same architecture (the study's question)"
                            : "Across architectures (reported separately)",
                    who, all, settings, rest(counts, all), median(differences))));
            table.add(List.of(family, all + " of " + settings, Integer.toString(counts.getOrDefault("better-than-some", 0)),
                    Integer.toString(counts.getOrDefault("no-difference", 0)),
                    Integer.toString(counts.getOrDefault("worse-than-some", 0)
                            + counts.getOrDefault("worse-than-all", 0)),
                    Integer.toString(counts.getOrDefault("mixed", 0)), median(differences)));
        }
        blocks.add(new ReportBlock.Table(List.of("family", "better than all", "better than some", "no difference",
                "worse than some or all", "mixed", "median difference (points)"), table,
                new boolean[] {false, true, true, true, true, true, true}));
        return blocks;
    }

    private static String rest(Map<String, Integer> counts, int all) {
        List<String> parts = new ArrayList<>();
        for (String label : List.of("better-than-some", "no-difference", "worse-than-some", "worse-than-all", "mixed")) {
            int n = counts.getOrDefault(label, 0);
            if (n > 0) {
                parts.add(n + " " + label);
            }
        }
        return parts.isEmpty() ? "" : " (the others: " + String.join(", ", parts) + ")";
    }

    private static String median(List<Double> values) {
        double[] finite = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return ReportNumbers.MISSING;
        }
        double median = finite.length % 2 == 1 ? finite[finite.length / 2]
                : (finite[finite.length / 2 - 1] + finite[finite.length / 2]) / 2;
        return String.format(Locale.ROOT, "%+.1f", 100 * median);
    }
}
