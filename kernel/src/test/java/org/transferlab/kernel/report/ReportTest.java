package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final Pattern IMAGE_SOURCE = Pattern.compile("<img[^>]* src=\"([^\"]*)\"");

    @TempDir
    Path run;

    @Test
    void writesEveryFigureAsPngAndSvgAndLinksThemFromTheMarkdown() throws Exception {
        RunFixture.complete(run);

        Report.Written written = Report.write(run);

        List<String> figures = figureFiles();
        assertEquals(List.of(
                "accuracy-vs-eps--alexnet-at-outline-to-digits-n100-first8--fgsm.png",
                "accuracy-vs-eps--alexnet-at-outline-to-digits-n100-first8--fgsm.svg",
                "accuracy-vs-eps--alexnet-at-outline-to-digits-n400-first8--fgsm.png",
                "accuracy-vs-eps--alexnet-at-outline-to-digits-n400-first8--fgsm.svg",
                "heatmap--fgsm-eps0.1.png", "heatmap--fgsm-eps0.1.svg",
                "heatmap--fgsm-eps0.2.png", "heatmap--fgsm-eps0.2.svg",
                "training--pretrain-alexnet-at-outline.png", "training--pretrain-alexnet-at-outline.svg",
                "transfer-vs-subset--fgsm-eps0.1.png", "transfer-vs-subset--fgsm-eps0.1.svg",
                "transfer-vs-subset--fgsm-eps0.2.png", "transfer-vs-subset--fgsm-eps0.2.svg"), figures);
        assertEquals(7, written.figures());
        String markdown = Files.readString(run.resolve("report.md"));
        for (String figure : figures) {
            assertTrue(markdown.contains("(figures/" + figure + ")"), figure + " is not linked");
        }
        assertTrue(markdown.startsWith("# transferlab report: fixture\n"), markdown);
        assertTrue(markdown.contains("| date | 2026-01-02T03:04:05Z |"), markdown);
        assertTrue(markdown.contains("| finetune/alexnet@outline>digits-n100-first8 | pretrain/alexnet@outline \\* | "
                + "fgsm-eps0.1 | 95.0% | 70.0% | 26.0% [21.0, 31.0] |"), markdown);
        assertTrue(markdown.contains("No chart of transfer against freeze depth"), markdown);
        assertTrue(markdown.contains("![adversarial/alexnet@outline~fgsm-eps0.1/preview.png]"
                + "(adversarial/alexnet@outline~fgsm-eps0.1/preview.png)"), markdown);
        BufferedImage heatMap = ImageIO.read(run.resolve("figures/heatmap--fgsm-eps0.1.png").toFile());
        assertTrue(heatMap.getWidth() >= 560 && heatMap.getHeight() >= 300);
        assertTrue(Files.readString(run.resolve("figures/heatmap--fgsm-eps0.1.svg")).contains("<svg"));
    }

    @Test
    void theHtmlReportEmbedsEveryPictureAsADecodablePngAndReferencesNothingOutside() throws Exception {
        RunFixture.complete(run);

        Report.write(run);

        String html = Files.readString(run.resolve("report.html"));
        Matcher sources = IMAGE_SOURCE.matcher(html);
        int images = 0;
        while (sources.find()) {
            String source = sources.group(1);
            assertTrue(source.startsWith("data:image/png;base64,"), source.substring(0, Math.min(60, source.length())));
            byte[] png = Base64.getDecoder().decode(source.substring("data:image/png;base64,".length()));
            assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 0);
            images++;
        }
        assertEquals(7 + 1, images, "seven figures and one preview grid");
        assertArrayEquals(Files.readAllBytes(run.resolve("adversarial/alexnet@outline~fgsm-eps0.1/preview.png")),
                previewBytes(html));
        for (String outside : List.of("http:", "https:", "href=", "<script", "<link", "url(")) {
            assertFalse(html.contains(outside), "report.html contains " + outside);
        }
        assertTrue(html.contains("<td>finetune/alexnet@outline&gt;digits-n100-first8</td>"));
    }

    @Test
    void rebuildingFromTheSameResultsGivesByteIdenticalFiles() throws Exception {
        RunFixture.complete(run);
        Report.write(run);
        byte[] html = Files.readAllBytes(run.resolve("report.html"));
        byte[] markdown = Files.readAllBytes(run.resolve("report.md"));
        byte[] svg = Files.readAllBytes(run.resolve("figures/heatmap--fgsm-eps0.2.svg"));
        Files.delete(run.resolve("report.html"));

        Report.write(run);

        assertArrayEquals(html, Files.readAllBytes(run.resolve("report.html")));
        assertArrayEquals(markdown, Files.readAllBytes(run.resolve("report.md")));
        assertArrayEquals(svg, Files.readAllBytes(run.resolve("figures/heatmap--fgsm-eps0.2.svg")));
    }

    @Test
    void figuresAnEarlierReportWroteThatNoLongerApplyAreRemovedAndEveryOtherFileKept() throws Exception {
        RunFixture.complete(run);
        Files.createDirectories(run.resolve("figures"));
        Files.writeString(run.resolve("figures.json"), "{\"figures\": [\"heatmap--pgd-eps0.3\", \"../victim\"]}");
        Files.writeString(run.resolve("victim.png"), "not a figure");
        Files.writeString(run.resolve("figures/heatmap--pgd-eps0.3.png"), "stale");
        Files.writeString(run.resolve("figures/heatmap--pgd-eps0.3.svg"), "stale");
        Files.writeString(run.resolve("figures/heatmap--pgd-eps0.4.png"), "a picture the researcher put here");
        Files.writeString(run.resolve("figures/notes.txt"), "mine");

        Report.write(run);

        assertFalse(Files.exists(run.resolve("figures/heatmap--pgd-eps0.3.png")));
        assertFalse(Files.exists(run.resolve("figures/heatmap--pgd-eps0.3.svg")));
        assertTrue(Files.exists(run.resolve("figures/heatmap--pgd-eps0.4.png")), "no report wrote it");
        assertTrue(Files.exists(run.resolve("figures/notes.txt")));
        assertTrue(Files.exists(run.resolve("victim.png")), "a name in the index never reaches outside figures/");
        assertTrue(Files.readString(run.resolve("figures.json")).contains("heatmap--fgsm-eps0.1"));
    }

    @Test
    void aRunWithOnlyResultsStillGetsAReportThatSaysWhatIsMissing() throws Exception {
        new RunFixture(run).row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4).writeResults();

        Report.write(run);

        String markdown = Files.readString(run.resolve("report.md"));
        for (String sentence : List.of("manifest.json is absent", "No verdicts: every fine-tuned target was attacked by "
                + "its parent alone", "Attacked at a single budget", "No training history", "No previews")) {
            assertTrue(markdown.contains(sentence), sentence + " missing from:\n" + markdown);
        }
        assertEquals(List.of("heatmap--fgsm-eps0.1.png", "heatmap--fgsm-eps0.1.svg"), figureFiles());
    }

    @Test
    void aRepeatedStudyShowsTheMeanAndStandardDeviationFromSummaryJsonBeforeEachRepeatFoldedAfterTheAnswer() throws Exception {
        RunFixture.complete(run);
        Files.writeString(run.resolve("summary.json"), """
                [ { "target": "finetune/alexnet@outline>digits-n100-first8", "source": "pretrain/alexnet@outline",
                    "parent": true, "attack": "fgsm-eps0.1", "repeats": 3,
                    "setting": { "targetKind": "finetune", "targetSubset": 100, "targetFreeze": "first8",
                                 "attackPlugin": "fgsm", "budgetNorm": "LINF", "budget": 0.1 },
                    "metrics": { "clean_accuracy": { "n": 3, "mean": 0.95, "std": 0.01 },
                                 "adversarial_accuracy": { "n": 3, "mean": 0.7, "std": "NaN" },
                                 "transfer_rate": { "n": 3, "mean": 0.25, "std": 0.0312 } } } ]""");

        Report.write(run);

        String markdown = Files.readString(run.resolve("report.md"));
        assertTrue(markdown.contains("""
                <details><summary>Mean ± standard deviation over repeats (1 rows)</summary>

                | target | source | attack | repeats | clean acc | adv acc | transfer rate |
                | --- | --- | --- | ---: | ---: | ---: | ---: |
                | finetune/alexnet@outline>digits-n100-first8 | pretrain/alexnet@outline \\* | fgsm-eps0.1 | 3 | \
                95.0 ± 1.0% | 70.0% | 25.0 ± 3.1% |

                </details>

                <details><summary>Each repeat"""), markdown);
        assertTrue(markdown.indexOf("## Answer: does the parent's attack transfer better?")
                < markdown.indexOf("## Transfer heat maps"), "the answer comes first");
        assertTrue(markdown.indexOf("## Transfer heat maps") < markdown.indexOf("## Results"),
                "the full results come last");
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        RunFixture.complete(run);

        Report.write(run);

        try (Stream<Path> files = Files.walk(run)) {
            assertEquals(List.of(), files.map(path -> path.getFileName().toString())
                    .filter(name -> name.contains(".tmp")).toList());
        }
    }

    private List<String> figureFiles() throws Exception {
        try (Stream<Path> files = Files.list(run.resolve("figures"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] previewBytes(String html) {
        Matcher preview = Pattern.compile("<img class=\"preview\" src=\"data:image/png;base64,([^\"]*)\"").matcher(html);
        assertTrue(preview.find());
        return Base64.getDecoder().decode(preview.group(1));
    }
}
