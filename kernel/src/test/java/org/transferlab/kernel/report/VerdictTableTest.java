package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTableTest {

    @TempDir
    Path run;

    @Test
    void theMarkdownTableGivesEachVerdictAndComparisonWithDifferenceInPointsAndBothPValues() throws Exception {
        RunFixture.complete(run);
        StoredRun stored = StoredRun.read(run);

        String markdown = MarkdownRenderer.render(VerdictTable.of(stored.verdicts(), stored.rows(), false));

        assertEquals("""
                | target | attack | family | verdict | other source | difference [95% CI, unadjusted] | p | p (Holm) | outcome |
                | --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |
                | finetune/alexnet@outline>digits-n100-first8 | fgsm-eps0.1 | same-architecture | better-than-all | pretrain/alexnet@inverted | +21.1 [+15.0, +27.0] | 2.7e-18 | 2.7e-18 | parent-better |
                | finetune/alexnet@outline>digits-n100-first8 | fgsm-eps0.2 | same-architecture | no-difference | pretrain/alexnet@inverted | -2.0 [-5.1, +1.1] | 0.2451 | 0.2451 | no-difference |
                """, markdown.substring(0, markdown.indexOf("\n\n") + 1));
        String note = markdown.substring(markdown.indexOf("\n\n") + 2);
        for (String sentence : List.of("with its unadjusted 95% interval", "Holm-corrected within each family of one "
                + "target and attack, α = 0.05", "is the headline verdict", "treats the attacked images as random and "
                + "the trained models as fixed")) {
            assertTrue(note.contains(sentence), sentence + " missing from: " + note);
        }
    }

    @Test
    void eachFamilyHasItsOwnVerdictAndTheTargetIsNamedOnceWithARepeatColumnWhenRepeated() throws Exception {
        RunFixture.complete(run).writeVerdicts("""
                [ { "target": "t-r2", "parent": "a-r2", "attack": "fgsm-eps0.1", "repeat": 2, "verdict": "better-than-all",
                    "crossArchitectureVerdict": "worse-than-all", "decidedBy": "mcnemar", "alpha": 0.05, "comparisons": [
                      { "source": "b-r2", "family": "same-architecture", "difference": 0.1, "lower": 0.05,
                        "upper": 0.15, "p": 0.001, "adjustedP": 0.001, "outcome": "parent-better" },
                      { "source": "c-r2", "family": "cross-architecture", "difference": -0.1, "lower": -0.15,
                        "upper": -0.05, "p": 0.003, "adjustedP": 0.003, "outcome": "parent-worse" } ] } ]""");
        StoredRun stored = StoredRun.read(run);

        List<String> lines = MarkdownRenderer.render(VerdictTable.of(stored.verdicts(), stored.rows(), true)).lines()
                .toList();

        assertEquals("| target | attack | repeat | family | verdict | other source | difference [95% CI, unadjusted] | p "
                + "| p (Holm) | outcome |", lines.get(0));
        assertEquals("| t-r2 | fgsm-eps0.1 | 2 | same-architecture | better-than-all | b-r2 | +10.0 [+5.0, +15.0] | 0.0010 "
                + "| 0.0010 | parent-better |", lines.get(2));
        assertEquals("|  |  |  | cross-architecture | worse-than-all | c-r2 | -10.0 [-15.0, -5.0] | 0.0030 | 0.0030 "
                + "| parent-worse |", lines.get(3));
    }

    @Test
    void withoutMcnemarTheReportSaysThatNoPairedComparisonWasListed() throws Exception {
        RunFixture.complete(run);
        StoredRun stored = StoredRun.read(run);

        assertEquals("No verdicts: the experiment's metrics include no paired comparison. Add mcnemar to metrics: to "
                + "test whether the parent's examples transfer better than the other sources'.\n",
                MarkdownRenderer.render(VerdictTable.of(Optional.of(List.of()), stored.rows(), false)));
        assertEquals("No verdicts: verdicts.json is absent; the experiment's metrics include no paired comparison. Add "
                + "mcnemar to metrics: to test whether the parent's examples transfer better than the other sources'.\n",
                MarkdownRenderer.render(VerdictTable.of(Optional.empty(), stored.rows(), false)));
    }

    @Test
    void aTargetAttackedOnlyByItsParentHasNoOtherSourceToCompareWith() throws Exception {
        new RunFixture(run).row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4).writeResults();
        StoredRun stored = StoredRun.read(run);

        assertEquals("No verdicts: every fine-tuned target was attacked by its parent alone, so there is no other "
                + "source to compare the parent with.\n",
                MarkdownRenderer.render(VerdictTable.of(Optional.of(List.of()), stored.rows(), false)));
    }

    @Test
    void withoutAnyParentSourceThereIsNothingAVerdictCouldCompare() throws Exception {
        new RunFixture(run).row(100, "first8", RunFixture.OTHER, 0.1, 0.9, 0.5, 0.4).writeResults();
        StoredRun stored = StoredRun.read(run);

        assertEquals("No verdicts: no target was attacked with its parent's examples. A verdict compares a fine-tuned "
                + "target's parent with the other sources.\n",
                MarkdownRenderer.render(VerdictTable.of(Optional.empty(), stored.rows(), false)));
    }
}
