package org.transferlab.kernel.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.MetricValue;

class RepeatSummaryTest {

    private static final ResultRow.Setting SETTING = new ResultRow.Setting("finetune", "alexnet", "mnist", 500, "first8",
            "pretrain/alexnet@kmnist-r1", "alexnet", "kmnist", "fgsm", "LINF", 0.1);

    private static ResultRow row(String source, int repeat, double transfer) {
        return new ResultRow("finetune/alexnet@kmnist>mnist-n500-first8-r" + repeat, source + "-r" + repeat,
                source.endsWith("kmnist"), "fgsm-eps0.1", repeat, 100, SETTING,
                List.of(new MetricValue("transfer_rate", transfer, 0, 1, 0, 100)), null, List.of());
    }

    @Test
    void repeatsOfOneTargetSourceAndAttackAggregateToMeanAndSampleStandardDeviation() {
        List<RepeatSummary> summaries = RepeatSummary.of(List.of(
                row("pretrain/alexnet@kmnist", 1, 0.2), row("pretrain/alexnet@fmnist", 1, 0.1),
                row("pretrain/alexnet@kmnist", 2, 0.4), row("pretrain/alexnet@fmnist", 2, 0.1),
                row("pretrain/alexnet@kmnist", 3, 0.3), row("pretrain/alexnet@fmnist", 3, 0.1)));

        assertEquals(2, summaries.size());
        RepeatSummary parent = summaries.get(0);
        assertEquals("finetune/alexnet@kmnist>mnist-n500-first8", parent.target());
        assertEquals("pretrain/alexnet@kmnist", parent.source());
        assertEquals("pretrain/alexnet@kmnist", parent.setting().targetParent());
        assertTrue(parent.parent());
        assertEquals(3, parent.repeats());
        RepeatSummary.Moments moments = parent.metrics().get("transfer_rate");
        assertEquals(0.3, moments.mean(), 1e-12);
        assertEquals(0.1, moments.std(), 1e-12); // deviations ±0.1, 0: sqrt(0.02 / 2)
        assertEquals(0.0, summaries.get(1).metrics().get("transfer_rate").std(), 1e-12);
    }

    @Test
    void aSingleRepeatHasNoStandardDeviationAndMissingValuesAreLeftOut() {
        RepeatSummary.Moments one = RepeatSummary.moments(List.of(0.25));
        assertEquals(0.25, one.mean());
        assertTrue(Double.isNaN(one.std()));
        assertEquals(0, RepeatSummary.moments(List.of()).n());
        String csv = RepeatSummary.csv(RepeatSummary.of(List.of(row("pretrain/alexnet@kmnist", 1, 0.5))));
        assertEquals("target,source,parent,attack,repeats,transfer_rate_mean,transfer_rate_std\n"
                + "finetune/alexnet@kmnist>mnist-n500-first8,pretrain/alexnet@kmnist,true,fgsm-eps0.1,1,0.500000,\n", csv);
    }

    @Test
    void onlyTheRepeatsOwnSuffixIsRemoved() {
        assertEquals("pretrain/alexnet@mnist-r1", RepeatSummary.withoutRepeat("pretrain/alexnet@mnist-r1", 2));
        assertEquals("pretrain/alexnet@mnist", RepeatSummary.withoutRepeat("pretrain/alexnet@mnist-r12", 12));
    }

    @Test
    void pValuesOfComparisonsAreNotAveragedOverRepeats() {
        ResultRow compared = new ResultRow("finetune/alexnet@kmnist>mnist-n500-first8-r1", "pretrain/alexnet@fmnist-r1",
                false, "fgsm-eps0.1", 1, 100, SETTING, List.of(new MetricValue("transfer_rate", 0.1, 0, 1, 10, 100)),
                "parent-better", List.of(MetricValue.plain("mcnemar_p", 0.01), MetricValue.plain("p_adjusted", 0.02)));

        RepeatSummary summary = RepeatSummary.of(List.of(compared)).get(0);
        assertEquals(List.of("transfer_rate"), List.copyOf(summary.metrics().keySet()));
        assertEquals(0.02, compared.metric("p_adjusted").value(), "a row still shows its comparison");
    }
}
