package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.kernel.results.RepeatSummary;
import org.transferlab.kernel.results.ResultRow;

/** The results as tables: every target × source × attack (× repeat), and the mean ± std over repeats. */
final class ResultTables {

    static final String PARENT_MARK = " *";
    static final String PARENT_NOTE = "* the source is the target's parent (the model it was fine-tuned from).";

    private ResultTables() {
    }

    static ReportBlock.Table rows(List<ResultRow> rows, boolean repeated) {
        List<String> header = new ArrayList<>(List.of("target", "source", "attack"));
        if (repeated) {
            header.add("repeat");
        }
        header.addAll(List.of("clean acc", "adv acc", "transfer rate [95% CI]"));
        List<List<String>> cells = new ArrayList<>();
        for (ResultRow row : rows) {
            List<String> line = new ArrayList<>(List.of(row.target(), row.source() + (row.parent() ? PARENT_MARK : ""),
                    row.attack()));
            if (repeated) {
                line.add(Integer.toString(row.repeat()));
            }
            line.add(ReportNumbers.percent(row.metric("clean_accuracy")));
            line.add(ReportNumbers.percent(row.metric("adversarial_accuracy")));
            line.add(ReportNumbers.withInterval(row.metric("transfer_rate")));
            cells.add(line);
        }
        return new ReportBlock.Table(header, cells, numeric(header.size(), 3));
    }

    static ReportBlock.Table summaries(List<RepeatSummary> summaries) {
        List<String> header = List.of("target", "source", "attack", "repeats", "clean acc", "adv acc", "transfer rate");
        List<List<String>> cells = new ArrayList<>();
        for (RepeatSummary summary : summaries) {
            cells.add(List.of(summary.target(), summary.source() + (summary.parent() ? PARENT_MARK : ""),
                    summary.attack(), Integer.toString(summary.repeats()), meanStd(summary, "clean_accuracy"),
                    meanStd(summary, "adversarial_accuracy"), meanStd(summary, "transfer_rate")));
        }
        return new ReportBlock.Table(header, cells, numeric(header.size(), 3));
    }

    private static String meanStd(RepeatSummary summary, String metric) {
        RepeatSummary.Moments moments = summary.metrics().get(metric);
        return moments == null ? ReportNumbers.MISSING : ReportNumbers.meanStd(moments.mean(), moments.std());
    }

    /** Columns from {@code first} on hold numbers. */
    static boolean[] numeric(int columns, int first) {
        boolean[] numeric = new boolean[columns];
        for (int i = first; i < columns; i++) {
            numeric[i] = true;
        }
        return numeric;
    }
}
