package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/**
 * A small study whose run ends with report.md, report.html and figures/; {@code transferlab report RUN_DIR} rebuilds
 * them from the stored results alone, and a headless Chromium loads every picture of the HTML report.
 *
 * <p>The browser check opens a copy of report.html with one added script that, once the page has loaded, writes how
 * many images it has and how many did not decode ({@code complete && naturalWidth > 0} is false) into the page;
 * {@code chromium --headless --dump-dom} prints the page after a virtual-time budget that lets every load finish, and
 * the test reads the counts from it. A screenshot of the unmodified report must show a non-blank page. Without
 * Chromium the check is skipped, unless {@code TRANSFERLAB_REQUIRE_BROWSER=1} (set by .ci/run, which installs Debian's
 * chromium), which turns absence into a failure.
 */
class ReportIT {

    private static final boolean BROWSER_REQUIRED = "1".equals(System.getenv("TRANSFERLAB_REQUIRE_BROWSER"));
    private static final Pattern IMAGE = Pattern.compile("<img ");

    @TempDir
    static Path study;

    static Path run;
    static Outcome outcome;

    @BeforeAll
    static void runStudy() throws Exception {
        Files.writeString(study.resolve("experiments.yaml"), SyntheticStudy.yaml("reported", 3, "[150, 300]", 100));
        outcome = Launcher.run(Launcher.built(), study, "run");
        run = study.resolve("out/reported").toAbsolutePath();
    }

    @Test
    void theRunEndsWithAReportThatReportRebuildsByteForByteFromStoredResults() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("report: " + run.resolve("report.html") + " (10 figures; also report.md)"),
                outcome.output());
        Map<String, byte[]> written = reportFiles();
        assertEquals(List.of("figures/accuracy-vs-eps--alexnet-at-outline-to-digits-n150-first8--fgsm.png",
                "figures/accuracy-vs-eps--alexnet-at-outline-to-digits-n150-first8--fgsm.svg",
                "figures/accuracy-vs-eps--alexnet-at-outline-to-digits-n300-first8--fgsm.png",
                "figures/accuracy-vs-eps--alexnet-at-outline-to-digits-n300-first8--fgsm.svg",
                "figures/heatmap--fgsm-eps0.1.png", "figures/heatmap--fgsm-eps0.1.svg",
                "figures/heatmap--fgsm-eps0.3.png", "figures/heatmap--fgsm-eps0.3.svg",
                "figures/training--finetune-alexnet-at-outline-to-digits-n150-first8.png",
                "figures/training--finetune-alexnet-at-outline-to-digits-n150-first8.svg",
                "figures/training--finetune-alexnet-at-outline-to-digits-n300-first8.png",
                "figures/training--finetune-alexnet-at-outline-to-digits-n300-first8.svg",
                "figures/training--pretrain-alexnet-at-inverted.png", "figures/training--pretrain-alexnet-at-inverted.svg",
                "figures/training--pretrain-alexnet-at-outline.png", "figures/training--pretrain-alexnet-at-outline.svg",
                "figures/transfer-vs-subset--fgsm-eps0.1.png", "figures/transfer-vs-subset--fgsm-eps0.1.svg",
                "figures/transfer-vs-subset--fgsm-eps0.3.png", "figures/transfer-vs-subset--fgsm-eps0.3.svg",
                "report.html", "report.md"), List.copyOf(written.keySet()));
        String markdown = new String(written.get("report.md"), StandardCharsets.UTF_8);
        assertTrue(markdown.contains("| finetune/alexnet@outline>digits-n150-first8 | fgsm-eps0.1 |"), markdown);
        assertTrue(markdown.contains("No chart of transfer against freeze depth"), markdown);

        Files.delete(run.resolve("report.html"));
        Files.delete(run.resolve("report.md"));
        try (Stream<Path> figures = Files.list(run.resolve("figures"))) {
            for (Path figure : figures.toList()) {
                Files.delete(figure);
            }
        }
        Outcome report = Launcher.run(Launcher.built(), study, "report", "out/reported");

        assertEquals(0, report.exitCode(), report.output());
        assertEquals("report: " + run.resolve("report.html") + " (10 figures; also report.md)", report.output().strip());
        Map<String, byte[]> rebuilt = reportFiles();
        assertEquals(written.keySet(), rebuilt.keySet());
        written.forEach((name, bytes) -> assertArrayEquals(bytes, rebuilt.get(name), name + " differs after rebuilding"));
    }

    @Test
    void everyPictureOfTheHtmlReportLoadsInAHeadlessBrowser() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.output());
        Path chromium = chromium();
        Path report = run.resolve("report.html");
        String html = Files.readString(report);
        long images = IMAGE.matcher(html).results().count();
        assertEquals(10 + 4, images, "ten figures and four preview grids");

        Path check = study.resolve("browser/check.html");
        Files.createDirectories(check.getParent());
        Files.writeString(check, html.replace("</body>", """
                <script>
                window.addEventListener("load", function () {
                  var images = Array.prototype.slice.call(document.images);
                  var broken = images.filter(function (image) { return !(image.complete && image.naturalWidth > 0); });
                  var result = document.createElement("pre");
                  result.id = "image-check";
                  result.textContent = "images=" + images.length + " broken=" + broken.length;
                  document.body.appendChild(result);
                });
                </script>
                </body>"""));
        String dom = browse(chromium, "--virtual-time-budget=20000", "--dump-dom", check.toUri().toString());
        Matcher counts = Pattern.compile("images=([0-9]+) broken=([0-9]+)").matcher(dom);
        assertTrue(counts.find(), "the page's check did not run:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertEquals(images, Long.parseLong(counts.group(1)));
        assertEquals(0, Long.parseLong(counts.group(2)), "images that did not load in Chromium");

        Path screenshot = study.resolve("browser/report.png");
        browse(chromium, "--hide-scrollbars", "--window-size=1200,1800", "--screenshot=" + screenshot,
                report.toUri().toString());
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertEquals(1200, shot.getWidth());
        assertTrue(distinctColours(shot) > 50, "the screenshot of report.html looks blank");
    }

    @Test
    void onA1400PixelScreenTheReportOpensWithTheAnswerAndNothingIsCutOffAtTheRight() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.output());
        Path chromium = chromium();
        Path check = study.resolve("browser/layout.html");
        Files.createDirectories(check.getParent());
        Files.writeString(check, Files.readString(run.resolve("report.html")).replace("</body>", """
                <script>
                window.addEventListener("load", function () {
                  var headings = document.getElementsByTagName("h2");
                  var details = document.getElementsByTagName("details");
                  var folded = 0;
                  for (var i = 0; i < details.length; i++) { if (!details[i].open) { folded++; } }
                  var result = document.createElement("pre");
                  result.id = "layout-check";
                  result.textContent = "page=" + document.documentElement.scrollWidth + " window=" + window.innerWidth
                      + " answerTop=" + Math.round(headings[0].getBoundingClientRect().top)
                      + " folded=" + folded + " first=" + headings[0].textContent;
                  document.body.appendChild(result);
                });
                </script>
                </body>"""));
        String dom = browse(chromium, "--window-size=1400,900", "--virtual-time-budget=20000", "--dump-dom",
                check.toUri().toString());
        Matcher layout = Pattern.compile("page=([0-9]+) window=([0-9]+) answerTop=(-?[0-9]+) folded=([0-9]+) "
                + "first=([^\\n<]*)").matcher(dom);
        assertTrue(layout.find(), "the page's check did not run:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertEquals("1400", layout.group(2));
        assertTrue(Integer.parseInt(layout.group(1)) <= 1400, "the page is wider than the window: " + layout.group());
        assertEquals("Answer: does the parent's attack transfer better?", layout.group(5).strip());
        assertTrue(Integer.parseInt(layout.group(3)) < 900, "the answer is on the first screen: " + layout.group());
        assertTrue(Integer.parseInt(layout.group(4)) >= 1, "the full results table is folded: " + layout.group());
    }

    /** Runs headless Chromium with a profile of its own; what it prints on standard output. */
    private static String browse(Path chromium, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + study.resolve("browser/profile")));
        command.addAll(List.of(arguments));
        Path log = study.resolve("browser/chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("chromium did not finish within 2 minutes: " + command);
        }
        assertEquals(0, process.exitValue(), "chromium failed: " + command + "\n" + Files.readString(log));
        return output;
    }

    private static Path chromium() {
        Optional<Path> found = Stream.of("chromium", "chromium-browser")
                .flatMap(name -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(folder -> !folder.isEmpty())
                        .map(folder -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String message = "no chromium on the PATH to check report.html in a browser (Debian: apt-get install "
                    + "chromium)";
            if (BROWSER_REQUIRED) {
                fail("TRANSFERLAB_REQUIRE_BROWSER=1 but " + message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    /** The report and its figures, by path relative to the run, in name order. */
    private static Map<String, byte[]> reportFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : List.of("report.html", "report.md")) {
            files.put(name, Files.readAllBytes(run.resolve(name)));
        }
        try (Stream<Path> figures = Files.list(run.resolve("figures"))) {
            for (Path figure : figures.toList()) {
                files.put("figures/" + figure.getFileName(), Files.readAllBytes(figure));
            }
        }
        return files;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
