package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.results.VerdictRow;

class VerdictSummaryTest {

    private static VerdictRow.Entry entry(String source, String family, double difference) {
        return new VerdictRow.Entry(source, family, new MetricValue("transfer_difference", difference, difference - 0.02,
                difference + 0.02, 0, 0), 0.01, 0.01, difference > 0 ? "parent-better" : "no-difference");
    }

    @Test
    void theAnswerCountsTheSettingsWhereTheParentBeatsEverySourceOfEachFamilyWithTheMedianDifference() {
        List<VerdictRow> verdicts = List.of(
                new VerdictRow("t1", "p", "fgsm-eps0.1", 1, "better-than-all", "better-than-some", "mcnemar", 0.05,
                        List.of(entry("a", "same-architecture", 0.10), entry("r1", "cross-architecture", 0.20),
                                entry("r2", "cross-architecture", 0.0))),
                new VerdictRow("t1", "p", "fgsm-eps0.3", 1, "no-difference", "better-than-all", "mcnemar", 0.05,
                        List.of(entry("a", "same-architecture", -0.01), entry("r1", "cross-architecture", 0.05),
                                entry("r2", "cross-architecture", 0.07))),
                new VerdictRow("t2", "p", "fgsm-eps0.1", 1, "better-than-all", "better-than-all", "mcnemar", 0.05,
                        List.of(entry("a", "same-architecture", 0.30), entry("r1", "cross-architecture", 0.09),
                                entry("r2", "cross-architecture", 0.11))));

        List<ReportBlock> blocks = VerdictSummary.of(Optional.of(verdicts));

        assertEquals(new ReportBlock.Heading(2, VerdictSummary.HEADING), blocks.get(0));
        String same = ((ReportBlock.Paragraph) blocks.get(1)).text();
        assertTrue(same.startsWith("Same architecture (the study's question): the parent transfers better than every "
                + "other source of its own architecture (pre-trained on other data) in 2 of 3 target × attack settings "
                + "(the others: 1 no-difference); median difference +10.0 points."), same);
        String cross = ((ReportBlock.Paragraph) blocks.get(2)).text();
        assertTrue(cross.contains("in 2 of 3 target × attack settings (the others: 1 better-than-some); median "
                + "difference +8.0 points"), cross);   // differences 0, .05, .07, .09, .11, .20: median (.07 + .09)/2
        ReportBlock.Table table = (ReportBlock.Table) blocks.get(3);
        assertEquals(List.of("same-architecture", "2 of 3", "0", "1", "0", "0", "+10.0"), table.rows().get(0));
    }
}
