package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/**
 * A small study with two pre-trained sources and {@code mcnemar} among the metrics: the run plans one comparison per
 * fine-tuned target and attack setting, and its verdict agrees with an exact binomial test computed here from the
 * discordant counts it reports.
 */
class PairedVerdictIT {

    @TempDir
    Path study;

    @Test
    void theVerdictTableFollowsFromTheReportedDiscordantPairs() throws Exception {
        Files.writeString(study.resolve("experiments.yaml"), SyntheticStudy.yaml("paired", 11, "[300]", 200));
        Outcome outcome = Launcher.run(Launcher.built(), study, "run");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("compare/alexnet@outline>digits-n300-first8/fgsm-eps0.1: done"), outcome.output());
        assertTrue(outcome.output().contains("the exact McNemar test, Holm-corrected"), outcome.output());

        Path run = study.resolve("out/paired");
        List<Map<String, String>> results = Csv.read(run.resolve("results.csv"));
        List<Map<String, String>> verdicts = Csv.read(run.resolve("verdicts.csv"));
        assertEquals(4, results.size());
        assertEquals(2, verdicts.size(), "one comparison (inverted against the parent outline) per attack setting");
        for (Map<String, String> verdict : verdicts) {
            assertEquals("pretrain/alexnet@outline", verdict.get("parent"));
            assertEquals("pretrain/alexnet@inverted", verdict.get("source"));
            Map<String, String> other = results.stream()
                    .filter(r -> r.get("source").equals(verdict.get("source")) && r.get("attack").equals(verdict.get("attack")))
                    .findFirst().orElseThrow();
            long b = Math.round(Double.parseDouble(other.get("mcnemar_parent_only")));
            long c = Math.round(Double.parseDouble(other.get("mcnemar_other_only")));
            double p = twoSidedBinomial(b, c);
            assertEquals(p, Double.parseDouble(verdict.get("p")), 1e-5 * Math.max(p, 1e-300));
            // A single comparison per verdict: Holm leaves p as it is.
            assertEquals(verdict.get("p"), verdict.get("p_adjusted"));
            String expected = p >= 0.05 ? "no-difference" : b > c ? "parent-better" : "parent-worse";
            assertEquals(expected, verdict.get("outcome"), verdict.toString());
            assertEquals(expected, other.get("comparison"));
            long counted = Math.round(Double.parseDouble(results.stream()
                    .filter(r -> r.get("attack").equals(verdict.get("attack")) && r.get("parent").equals("true"))
                    .findFirst().orElseThrow().get("clean_accuracy")) * 200);
            assertEquals((double) (b - c) / counted, Double.parseDouble(verdict.get("difference")), 1e-6);
        }
        assertTrue(results.stream().filter(r -> r.get("parent").equals("true")).allMatch(r -> r.get("comparison").isEmpty()),
                "the parent's own rows are not compared with themselves");
    }

    /** 2·P(X ≤ min(b, c)) for X ~ Binomial(b + c, ½), capped at 1, in exact rational arithmetic. */
    private static double twoSidedBinomial(long b, long c) {
        int n = (int) (b + c);
        if (n == 0) {
            return 1;
        }
        BigInteger tail = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int k = 0; k <= Math.min(b, c); k++) {
            tail = tail.add(choose);
            choose = choose.multiply(BigInteger.valueOf(n - k)).divide(BigInteger.valueOf(k + 1));
        }
        BigDecimal p = new BigDecimal(tail.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)), MathContext.DECIMAL128);
        return Math.min(1, p.doubleValue());
    }
}
