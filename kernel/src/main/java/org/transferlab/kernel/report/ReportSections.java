package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report's content in order: header, the answer (verdicts summed up per family), heat maps, the verdicts in full,
 * one section per other figure kind, the full results table (folded), then notes.
 */
final class ReportSections {

    private final StoredRun run;
    private final FigureFiles figures;
    private final List<ReportBlock> blocks = new ArrayList<>();

    private ReportSections(StoredRun run, FigureFiles figures) {
        this.run = run;
        this.figures = figures;
    }

    static List<ReportBlock> of(StoredRun run, FigureFiles figures) {
        ReportSections sections = new ReportSections(run, figures);
        sections.header();
        sections.answer();
        sections.heatMaps();
        sections.verdicts();
        sections.accuracyVersusBudget();
        sections.sweeps();
        sections.trainingCurves();
        sections.previews();
        sections.results();
        sections.notes();
        return List.copyOf(sections.blocks);
    }

    private void header() {
        blocks.add(new ReportBlock.Heading(1, "transferlab report: " + run.header().experiment()));
        List<List<String>> facts = new ArrayList<>();
        for (Map.Entry<String, String> fact : run.header().facts().entrySet()) {
            facts.add(List.of(fact.getKey(), fact.getValue()));
        }
        if (facts.isEmpty()) {
            blocks.add(new ReportBlock.Paragraph("manifest.json is absent: no date, configuration hash, TensorFlow "
                    + "version or device to report."));
        } else {
            blocks.add(new ReportBlock.Table(List.of("run", ""), facts, new boolean[2]));
        }
    }

    /** Over the repeats pooled, when the study has several, else over its one repeat. */
    private void answer() {
        if (run.pooledVerdicts().isEmpty()) {
            blocks.addAll(VerdictSummary.of(run.verdicts()));
            return;
        }
        blocks.addAll(VerdictSummary.of(Optional.of(run.pooledVerdicts())));
        blocks.add(new ReportBlock.Paragraph("Pooled over the repeats: for each comparison the discordant pairs of every "
                + "repeat are summed and tested with the exact McNemar test, which is the exact test stratified by "
                + "repeat; the verdicts of each repeat follow below."));
    }

    private void results() {
        blocks.add(new ReportBlock.Heading(2, "Results"));
        boolean repeated = run.repeated();
        blocks.add(new ReportBlock.Paragraph(ResultTables.PARENT_NOTE + " Rates are over the attacked images; "
                + "the transfer rate counts only the images the target classifies correctly, with its 95% Wilson "
                + "interval in brackets."));
        if (repeated) {
            blocks.add(new ReportBlock.Collapsible("Mean ± standard deviation over repeats ("
                    + run.summaries().size() + " rows)", List.of(ResultTables.summaries(run.summaries()))));
        }
        blocks.add(new ReportBlock.Collapsible((repeated ? "Each repeat" : "Every target × source × attack") + " ("
                + run.rows().size() + " rows)", List.of(ResultTables.rows(run.rows(), repeated))));
    }

    private void verdicts() {
        blocks.add(new ReportBlock.Heading(2, "Verdicts: does the parent's attack transfer better?"));
        if (!run.pooledVerdicts().isEmpty()) {
            blocks.add(new ReportBlock.Heading(3, "Pooled over repeats (stratified exact test)"));
            blocks.addAll(VerdictTable.of(Optional.of(run.pooledVerdicts()), run.rows(), false));
            blocks.add(new ReportBlock.Heading(3, "Each repeat"));
        }
        blocks.addAll(VerdictTable.of(run.verdicts(), run.rows(), run.repeated()));
    }

    private void heatMaps() {
        blocks.add(new ReportBlock.Heading(2, "Transfer heat maps"));
        List<HeatMapMatrix> matrices = HeatMapMatrix.of(run.summaries());
        if (matrices.isEmpty()) {
            blocks.add(new ReportBlock.Paragraph("No transfer rates: add transfer-rate to the experiment's metrics."));
            return;
        }
        String repeats = run.repeated() ? " (mean over repeats)" : "";
        for (HeatMapMatrix matrix : matrices) {
            figure(ModelLabel.fileName("heatmap", matrix.attack()), HeatMapRenderer.render(matrix),
                    "Transfer rate" + repeats + " of each source's " + matrix.attack() + " examples (across) to each "
                            + "target (down), coloured from 0% (pale) to 100% (dark red). Framed cells: the source is the target's "
                            + "parent.");
        }
    }

    private void accuracyVersusBudget() {
        blocks.add(new ReportBlock.Heading(2, "Accuracy versus ε"));
        plots(AccuracyVersusBudget.of(run.summaries()), plot -> "Adversarial accuracy of " + plot.title()
                + " against the budget ε, one line per source: the parent's thick and red, the other sources' pale; "
                + "dashed: the target's clean accuracy.");
    }

    private void sweeps() {
        for (TransferSweep sweep : TransferSweep.values()) {
            blocks.add(new ReportBlock.Heading(2, "Transfer versus " + sweep.property()));
            plots(sweep.of(run.summaries()), plot -> "Transfer rate against the " + sweep.property()
                    + " of fine-tuning, one colour per family of targets that differ only in it: solid and thick, "
                    + "the parent's examples; dashed and pale, the mean over the other sources.");
        }
    }

    /** Each chart of the set with its caption, then why any were left out. */
    private void plots(PlotSet set, Function<LinePlot, String> caption) {
        set.plots().forEach(plot -> figure(plot.name(), LineChartRenderer.render(plot), caption.apply(plot)));
        set.skipped().forEach(sentence -> blocks.add(new ReportBlock.Paragraph(sentence)));
    }

    private void trainingCurves() {
        blocks.add(new ReportBlock.Heading(2, "Training curves"));
        List<LinePlot> plots = TrainingCurves.of(run.trainingCurves());
        if (plots.isEmpty()) {
            blocks.add(new ReportBlock.Paragraph("No training history: the run has no models/*/model.json."));
        }
        for (LinePlot plot : plots) {
            figure(plot.name(), LineChartRenderer.render(plot), plot.title() + ": training loss (left axis), train "
                    + "and test accuracy (right axis) per epoch.");
        }
    }

    private void previews() {
        blocks.add(new ReportBlock.Heading(2, "Adversarial examples"));
        if (run.previews().isEmpty()) {
            blocks.add(new ReportBlock.Paragraph("No previews: the run has no adversarial/*/preview.png."));
        }
        for (AdversarialPreview preview : run.previews()) {
            String options = preview.options().isEmpty() ? "" : " (" + preview.options() + ")";
            String budget = preview.budget() == null ? "" : ", budget " + preview.budget();
            blocks.add(new ReportBlock.Image(preview.path(), null, ModelLabel.of(preview.source()) + " — "
                    + preview.attack() + options + budget + ". Rows: clean images, adversarial examples, and the "
                    + "perturbation amplified to full range (red brightens, blue darkens).", preview.png()));
        }
    }

    private void notes() {
        if (run.notes().isEmpty()) {
            return;
        }
        blocks.add(new ReportBlock.Heading(2, "Notes"));
        run.notes().forEach(note -> blocks.add(new ReportBlock.Paragraph("Left out: " + note)));
    }

    private void figure(String name, Chart<?, ?> chart, String caption) {
        byte[] png = figures.write(name, chart);
        String path = FigureFiles.FOLDER + "/" + name;
        blocks.add(new ReportBlock.Image(path + ".png", path + ".svg", caption, png));
    }
}
