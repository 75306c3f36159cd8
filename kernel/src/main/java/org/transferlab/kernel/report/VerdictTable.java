package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.VerdictRow;
import org.transferlab.kernel.stats.ComparisonFamily;

/**
 * The verdict table: per target and attack setting and per comparison family (same architecture first) the summary
 * verdict, then one line per other source with the difference parent − other in points, its unadjusted interval, p,
 * Holm-adjusted p and the outcome. Without verdicts, a sentence
 * that says why there are none.
 */
final class VerdictTable {

    private VerdictTable() {
    }

    static List<ReportBlock> of(Optional<List<VerdictRow>> stored, List<ResultRow> rows, boolean repeated) {
        List<VerdictRow> verdicts = stored.orElse(List.of());
        if (verdicts.isEmpty()) {
            return List.of(new ReportBlock.Paragraph("No verdicts: " + whyNone(stored.isPresent(), rows)));
        }
        List<String> header = new ArrayList<>(List.of("target", "attack"));
        if (repeated) {
            header.add("repeat");
        }
        header.addAll(List.of("family", "verdict", "other source", "difference [95% CI, unadjusted]", "p", "p (Holm)",
                "outcome"));
        List<List<String>> cells = new ArrayList<>();
        for (VerdictRow verdict : verdicts) {
            boolean firstOfVerdict = true;
            for (ComparisonFamily f : ComparisonFamily.values()) {
                String family = f.label();
                List<VerdictRow.Entry> comparisons = verdict.comparisons().stream()
                        .filter(entry -> entry.family().equals(family)).toList();
                if (comparisons.isEmpty() && f == ComparisonFamily.CROSS_ARCHITECTURE) {
                    continue;
                }
                for (int i = 0; i < Math.max(1, comparisons.size()); i++) {
                    List<String> line = new ArrayList<>();
                    line.add(firstOfVerdict ? verdict.target() : "");
                    line.add(firstOfVerdict ? verdict.attack() : "");
                    if (repeated) {
                        line.add(firstOfVerdict ? Integer.toString(verdict.repeat()) : "");
                    }
                    firstOfVerdict = false;
                    line.add(i == 0 ? family : "");
                    String familyVerdict = verdict.verdictOf(family);
                    line.add(i == 0 ? (familyVerdict == null ? ReportNumbers.MISSING : familyVerdict) : "");
                    if (comparisons.isEmpty()) {
                        line.addAll(List.of(ReportNumbers.MISSING, ReportNumbers.MISSING, ReportNumbers.MISSING,
                                ReportNumbers.MISSING, ReportNumbers.MISSING));
                    } else {
                        VerdictRow.Entry entry = comparisons.get(i);
                        line.addAll(List.of(entry.source(), ReportNumbers.points(entry.difference()),
                                ReportNumbers.pValue(entry.p()), ReportNumbers.pValue(entry.adjustedP()),
                                entry.outcome()));
                    }
                    cells.add(line);
                }
            }
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = header.size() - 4; i < header.size() - 1; i++) {
            numeric[i] = true;
        }
        double alpha = verdicts.get(0).alpha();
        String test = verdicts.get(0).test();
        return List.of(new ReportBlock.Table(header, cells, numeric), new ReportBlock.Paragraph(String.format(Locale.ROOT,
                "difference: the parent's transfer rate minus the other source's, in percentage points, on the images "
                        + "the target classifies correctly, with its unadjusted 95%% interval; %s, Holm-corrected "
                        + "within each family of one target and attack, α = %s. The same-architecture family (sources "
                        + "of the parent's architecture pre-trained on other data) answers the study's question and is "
                        + "the headline verdict; cross-architecture comparisons mostly measure the mismatch of "
                        + "architectures. The test treats the attacked images as random and the trained models as "
                        + "fixed: it says whether these models differ on images like these, not whether another "
                        + "training run would.", test,
                Double.isNaN(alpha) ? ReportNumbers.MISSING : ReportNumbers.budget(alpha))));
    }

    private static String whyNone(boolean filePresent, List<ResultRow> rows) {
        if (rows.stream().noneMatch(ResultRow::parent)) {
            return "no target was attacked with its parent's examples. A verdict compares a fine-tuned target's parent "
                    + "with the other sources.";
        }
        boolean anyOther = rows.stream().filter(ResultRow::parent).anyMatch(parentRow -> rows.stream()
                .anyMatch(row -> row.target().equals(parentRow.target()) && row.attack().equals(parentRow.attack())
                        && !row.parent()));
        if (!anyOther) {
            return "every fine-tuned target was attacked by its parent alone, so there is no other source to compare "
                    + "the parent with.";
        }
        return (filePresent ? "" : "verdicts.json is absent; ")
                + "the experiment's metrics include no paired comparison. Add mcnemar to metrics: to test whether the "
                + "parent's examples transfer better than the other sources'.";
    }
}
