package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.transferlab.kernel.lock.StudyLock;
import org.transferlab.kernel.report.Report;
import org.transferlab.kernel.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuilds report.md, report.html and figures/ of a run directory from its stored results "
                + "(results.json, summary.json, verdicts.json, manifest.json, models/*/model.json, adversarial/*/); "
                + "reads no experiment file and runs no model.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory, <output>/<experiment>/.")
    Path runDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(runDirectory)) {
            throw new BadInputException(runDirectory + " is not a directory; RUN_DIR must be a run directory, "
                    + "<output>/<experiment>/");
        }
        Path run = runDirectory.toAbsolutePath().normalize();
        // Only a run directory is locked: a folder given by mistake gets the report's error, not a locks/ folder.
        try (StudyLock lock = Files.exists(run.resolve("manifest.json"))
                ? StudyLock.exclusive(run, "report", Duration.ZERO, spec.commandLine().getErr()::println) : null) {
            Report.Written written;
            try {
                written = Report.write(run);
            } catch (ReportException e) {
                throw new BadInputException(e.getMessage());
            }
            print(written, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    static void print(Report.Written written, PrintWriter out) {
        written.notes().forEach(note -> out.println("report: left out: " + note));
        out.println("report: " + written.html() + " (" + written.figures() + (written.figures() == 1 ? " figure" : " figures")
                + "; also " + written.markdown().getFileName() + ")");
        out.flush();
    }
}
