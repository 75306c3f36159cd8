package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.results.RepeatSummary;
import org.transferlab.kernel.results.ResultRow;

class StoredRunTest {

    @TempDir
    Path run;

    @Test
    void readsRowsVerdictsHeaderHistoriesAndPreviewsBackFromTheRunDirectory() throws Exception {
        RunFixture.complete(run);

        StoredRun stored = StoredRun.read(run);

        assertEquals(8, stored.rows().size());
        ResultRow first = stored.rows().get(0);
        assertEquals(RunFixture.target(100, "first8"), first.target());
        assertTrue(first.parent());
        assertEquals("fgsm-eps0.1", first.attack());
        assertEquals(new ResultRow.Setting("finetune", "alexnet", "digits", 100, "first8", RunFixture.PARENT, "alexnet",
                "outline", "fgsm", "LINF", 0.1), first.setting());
        assertEquals(new MetricValue("transfer_rate", 0.26, 0.21, 0.31, 50, 190), first.metric("transfer_rate"));
        assertEquals(MetricValue.plain("linf_mean", 0.1), first.metric("linf_mean"));

        assertEquals(2, stored.verdicts().orElseThrow().size());
        assertEquals("better-than-all", stored.verdicts().orElseThrow().get(0).verdict());
        assertEquals(2.7e-18, stored.verdicts().orElseThrow().get(0).comparisons().get(0).adjustedP());

        assertEquals("fixture", stored.header().experiment());
        assertEquals(Map.of("date", "2026-01-02T03:04:05Z", "config SHA-256", "abc123", "seed", "7", "repeats", "1",
                "TensorFlow", "2.18.0", "device", "cpu, threads 2", "precision", "FLOAT32", "transferlab", "9.9.9",
                "plugin API", "1.3"), stored.header().facts());

        assertEquals(List.of(new TrainingCurve(RunFixture.PARENT, List.of(new TrainingCurve.Epoch(1, 1.2, 0.6, 0.7),
                new TrainingCurve.Epoch(2, 0.4, 0.9, 0.88)))), stored.trainingCurves());
        AdversarialPreview preview = stored.previews().get(0);
        assertEquals(List.of(RunFixture.PARENT, "fgsm", "eps=0.1", "LINF 0.1", "adversarial/alexnet@outline~fgsm-eps0.1/preview.png"),
                List.of(preview.source(), preview.attack(), preview.options(), preview.budget(), preview.path()));
        assertTrue(stored.notes().isEmpty(), stored.notes().toString());
    }

    @Test
    void withoutSummaryJsonTheRepeatSummariesAreComputedFromTheRows() throws Exception {
        RunFixture.complete(run);

        List<RepeatSummary> summaries = StoredRun.read(run).summaries();

        assertEquals(8, summaries.size());
        assertEquals(new RepeatSummary.Moments(1, 0.26, Double.NaN), summaries.get(0).metrics().get("transfer_rate"));
    }

    @Test
    void summaryJsonIsReadWithItsNaNStandardDeviationsAndInfiniteBudgets() throws Exception {
        RunFixture.complete(run);
        Files.writeString(run.resolve("summary.json"), """
                [ { "target": "t", "source": "s", "parent": false, "attack": "cw", "repeats": 3,
                    "setting": { "targetKind": "baseline", "targetSubset": null, "targetFreeze": "none",
                                 "budgetNorm": "L2", "budget": "Infinity" },
                    "metrics": { "transfer_rate": { "n": 3, "mean": 0.5, "std": 0.1 },
                                 "linf_max": { "n": 1, "mean": 0.3, "std": "NaN" } } } ]""");

        StoredRun stored = StoredRun.read(run);

        RepeatSummary summary = stored.summaries().get(0);
        assertEquals(Double.POSITIVE_INFINITY, summary.setting().budget());
        assertEquals(null, summary.setting().targetSubset());
        assertEquals(new RepeatSummary.Moments(3, 0.5, 0.1), summary.metrics().get("transfer_rate"));
        assertEquals(new RepeatSummary.Moments(1, 0.3, Double.NaN), summary.metrics().get("linf_max"));
        assertTrue(stored.repeated());
    }

    @Test
    void aRunWithOnlyResultsJsonHasNoVerdictsHistoriesOrPreviewsAndNoNotes() throws Exception {
        new RunFixture(run).row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4).writeResults();

        StoredRun stored = StoredRun.read(run);

        assertEquals(run.getFileName().toString(), stored.header().experiment());
        assertTrue(stored.header().facts().isEmpty());
        assertTrue(stored.verdicts().isEmpty());
        assertTrue(stored.trainingCurves().isEmpty());
        assertTrue(stored.previews().isEmpty());
        assertTrue(stored.notes().isEmpty());
    }

    @Test
    void aCorruptOptionalFileIsLeftOutWithANoteNamingItRelativeToTheRun() throws Exception {
        RunFixture.complete(run);
        Files.writeString(run.resolve("models/alexnet@outline/model.json"), "{ \"id\": ");
        Files.writeString(run.resolve("verdicts.json"), "{}");

        StoredRun stored = StoredRun.read(run);

        assertTrue(stored.trainingCurves().isEmpty());
        assertTrue(stored.verdicts().isEmpty());
        assertEquals(2, stored.notes().size(), stored.notes().toString());
        assertTrue(stored.notes().get(0).startsWith("verdicts.json should hold a JSON array"), stored.notes().get(0));
        assertTrue(stored.notes().get(1).startsWith("models/alexnet@outline/model.json is not valid JSON at line 1, "
                + "column "), stored.notes().get(1));
    }

    @Test
    void aCorruptResultsFileIsAnErrorNamingTheFileAndThePosition() throws Exception {
        Files.writeString(run.resolve("results.json"), "[ { \"target\": \"t\", ");

        ReportException error = assertThrows(ReportException.class, () -> StoredRun.read(run));

        assertTrue(error.getMessage().startsWith(run.resolve("results.json") + " is not valid JSON at line 1, column "),
                error.getMessage());
    }

    @Test
    void aResultRowWithoutItsTargetIsAnErrorNamingTheFileAndTheRow() throws Exception {
        Files.writeString(run.resolve("results.json"), "[ { \"target\": \"t\", \"source\": \"s\", \"attack\": \"a\" }, "
                + "{ \"source\": \"s\", \"attack\": \"a\" } ]");

        ReportException error = assertThrows(ReportException.class, () -> StoredRun.read(run));

        assertEquals(run.resolve("results.json") + ": row 2 has no \"target\"", error.getMessage());
    }

    @Test
    void aDirectoryWithoutResultsJsonIsAnErrorThatSaysWhatRunDirIs() {
        ReportException error = assertThrows(ReportException.class, () -> StoredRun.read(run));

        assertEquals(run.resolve("results.json") + " does not exist; RUN_DIR must be a run directory "
                + "(<output>/<experiment>/) written by a complete 'transferlab run'", error.getMessage());
    }

    @Test
    void workingCopiesOfArtefactDirectoriesAreNotRead() throws Exception {
        RunFixture.complete(run).writeModel(".alexnet@inverted.tmp-1234", RunFixture.OTHER, "[]");

        assertEquals(List.of(RunFixture.PARENT),
                StoredRun.read(run).trainingCurves().stream().map(TrainingCurve::modelId).toList());
    }

    @Test
    void modelsAndAttacksTheResultsDoNotNameAreLeftOverArtefactsAndNotShown() throws Exception {
        RunFixture.complete(run)
                .writeModel("alexnet@dotted", "pretrain/alexnet@dotted", "[]")
                .writePreview("alexnet@outline~fgsm-eps0.4", "attack/alexnet@outline/fgsm-eps0.4", RunFixture.PARENT, 0.4)
                .writePreview("alexnet@dotted~fgsm-eps0.1", "attack/alexnet@dotted/fgsm-eps0.1", "pretrain/alexnet@dotted",
                        0.1);

        StoredRun stored = StoredRun.read(run);
        assertEquals(List.of(RunFixture.PARENT), stored.trainingCurves().stream().map(TrainingCurve::modelId).toList());
        assertEquals(List.of("attack/alexnet@outline/fgsm-eps0.1"),
                stored.previews().stream().map(AdversarialPreview::id).toList());
    }
}
