package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path run;

    /** results.json of a run with one fine-tuned target and one attack. */
    static final String ONE_ROW = """
            [ { "target": "finetune/a@x>y-n10-first2", "source": "pretrain/a@x", "parent": true,
                "attack": "fgsm-eps0.1", "repeat": 1, "images": 10,
                "setting": { "targetKind": "finetune", "targetSubset": 10, "targetFreeze": "first2",
                             "attackPlugin": "fgsm", "budgetNorm": "LINF", "budget": 0.1 },
                "metrics": { "transfer_rate": { "value": 0.5, "lower": 0.2, "upper": 0.8 } } } ]""";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int transferlab(String... arguments) {
        return new CommandLine(new TransferlabCommand())
                .setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(arguments);
    }

    @Test
    void rebuildsTheReportOfARunDirectoryFromResultsJsonAlone() throws Exception {
        Files.writeString(run.resolve("results.json"), ONE_ROW);

        assertEquals(ExitCodes.OK, transferlab("report", run.toString()), err.toString());

        assertEquals("report: " + run.resolve("report.html") + " (1 figure; also report.md)" + System.lineSeparator(),
                out.toString());
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
        assertTrue(Files.isRegularFile(run.resolve("figures/heatmap--fgsm-eps0.1.png")));
    }

    @Test
    void aDirectoryWithoutResultsIsBadInputNamingTheMissingFile() {
        assertEquals(ExitCodes.BAD_INPUT, transferlab("report", run.toString()));

        assertEquals("error: " + run.resolve("results.json") + " does not exist; RUN_DIR must be a run directory "
                + "(<output>/<experiment>/) written by a complete 'transferlab run'" + System.lineSeparator(),
                err.toString());
    }

    @Test
    void aCorruptResultsFileIsBadInputNamingTheFile() throws Exception {
        Files.writeString(run.resolve("results.json"), "[ {");

        assertEquals(ExitCodes.BAD_INPUT, transferlab("report", run.toString()));

        assertTrue(err.toString().startsWith("error: " + run.resolve("results.json") + " is not valid JSON at line 1, "),
                err.toString());
    }

    @Test
    void aPathThatIsNotADirectoryIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, transferlab("report", run.resolve("nothing").toString()));

        assertEquals("error: " + run.resolve("nothing") + " is not a directory; RUN_DIR must be a run directory, "
                + "<output>/<experiment>/" + System.lineSeparator(), err.toString());
    }
}
