package org.transferlab.kernel.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.api.metric.MetricValue;

/**
 * Two repeats of one target and attack. Against the same-architecture source the parent alone fooled the target on
 * 8 and 7 images, the other source alone on 2 and 3: pooled, b = 15 and c = 5 of 20 discordant pairs, and the exact
 * two-sided p is 2·P[X ≤ 5] for X ~ Bin(20, ½) = 2·(1 + 20 + 190 + 1140 + 4845 + 15504)/2^20 = 43400/1048576.
 */
class PooledVerdictsTest {

    private static ResultRow row(String target, String source, int repeat, int b, int c, double difference) {
        List<MetricValue> comparison = List.of(MetricValue.plain("mcnemar_parent_only", b),
                MetricValue.plain("mcnemar_other_only", c),
                new MetricValue("transfer_difference", difference, difference - 0.03, difference + 0.03, 0, 100));
        return new ResultRow(target + "-r" + repeat, source + "-r" + repeat, false, "fgsm-eps0.1", repeat, 500, null,
                List.of(), "parent-better", comparison);
    }

    private static VerdictRow verdict(int repeat) {
        MetricValue d = new MetricValue("transfer_difference", 0.05, 0.01, 0.09, 0, 100);
        return new VerdictRow("finetune/a@x>y-n100-first8-r" + repeat, "pretrain/a@x-r" + repeat, "fgsm-eps0.1", repeat,
                "no-difference", "no-difference", "mcnemar", 0.05, List.of(
                new VerdictRow.Entry("pretrain/a@z-r" + repeat, "same-architecture", d, 0.1, 0.1, "no-difference"),
                new VerdictRow.Entry("pretrain/r@x-r" + repeat, "cross-architecture", d, 0.5, 0.5, "no-difference")));
    }

    @Test
    void theDiscordantPairsOfEveryRepeatAreSummedAndTestedExactly() {
        String target = "finetune/a@x>y-n100-first8";
        List<ResultRow> rows = List.of(
                row(target, "pretrain/a@z", 1, 8, 2, 0.06), row(target, "pretrain/a@z", 2, 7, 3, 0.04),
                row(target, "pretrain/r@x", 1, 5, 5, 0.0), row(target, "pretrain/r@x", 2, 6, 4, 0.02));

        List<VerdictRow> pooled = PooledVerdicts.of(List.of(verdict(1), verdict(2)), rows);

        assertEquals(1, pooled.size());
        VerdictRow verdict = pooled.get(0);
        assertEquals(target, verdict.target());
        assertEquals(0, verdict.repeat(), "0 marks the pooled verdict");
        VerdictRow.Entry same = verdict.comparisons().get(0);
        assertEquals("pretrain/a@z", same.source());
        assertEquals(43400.0 / 1048576, same.p(), 1e-15);
        assertEquals(0.05, same.difference().value(), 1e-12, "each repeat weighs by its 100 correct images");
        assertEquals("parent-better", same.outcome());
        assertEquals("better-than-all", verdict.verdict());
        assertEquals("no-difference", verdict.crossVerdict(), "11 against 9 is no evidence");
    }

    @Test
    void aStudyOfOneRepeatHasNoPooledVerdicts() {
        assertEquals(List.of(), PooledVerdicts.of(List.of(verdict(1)), List.of()));
    }
}
