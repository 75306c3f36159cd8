package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.report.Report;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.ResultTable;
import org.transferlab.kernel.results.PooledVerdicts;
import org.transferlab.kernel.results.Results;
import org.transferlab.kernel.results.VerdictRow;

/**
 * The end of a study: once every task of the plan has run, results.csv, results.json, the verdicts and the report,
 * and the result and verdict tables on the console. Written by {@code run} and by the final job of a scheduler, in a
 * process that holds the run directory alone.
 */
final class StudyResults {

    private StudyResults() {
    }

    /** @return 0, or 1 when the report could not be built (the results are written then) */
    static int write(TaskGraph graph, Path runDirectory, PrintStream out) throws IOException {
        long pending = pending(graph, runDirectory);
        if (pending > 0) {
            out.printf("results not written: %d of %d tasks of the plan have not run (run without --only to finish)%n",
                    pending, graph.size());
            return ExitCodes.OK;
        }
        List<ResultRow> rows = Results.collect(graph, runDirectory);
        Results.write(rows, runDirectory);
        List<VerdictRow> verdicts = Results.verdicts(graph, runDirectory);
        Results.writeVerdicts(verdicts, runDirectory);
        List<VerdictRow> pooled = PooledVerdicts.of(verdicts, rows);
        if (!pooled.isEmpty()) {
            Results.writeVerdicts(pooled, runDirectory, "verdicts-pooled");
        }
        print(rows, verdicts, out);
        out.println("results: " + runDirectory.resolve("results.csv"));
        return report(runDirectory, out);
    }

    /** The tables of results already written, as {@link #write} printed them. */
    static void printWritten(TaskGraph graph, Path runDirectory, PrintStream out) throws IOException {
        print(Results.collect(graph, runDirectory), Results.verdicts(graph, runDirectory), out);
        out.println("results: " + runDirectory.resolve("results.csv"));
        out.println("report: " + runDirectory.resolve("report.html"));
    }

    static long pending(TaskGraph graph, Path runDirectory) {
        return graph.tasks().stream().filter(task -> !Runner.isCached(task, runDirectory)).count();
    }

    private static void print(List<ResultRow> rows, List<VerdictRow> verdicts, PrintStream out) {
        out.println();
        ResultTable.print(rows, out);
        out.println();
        if (!verdicts.isEmpty()) {
            ResultTable.printVerdicts(verdicts, out);
            out.println();
        }
    }

    /** The results are written by now: a report that fails says so, and {@code report RUN_DIR} can retry it. */
    private static int report(Path runDirectory, PrintStream out) {
        Report.Written written;
        try {
            written = Report.write(runDirectory);
        } catch (RuntimeException e) {
            System.err.println("error: the report could not be built: " + e.getMessage());
            System.err.println("the results are written; rebuild the report with: transferlab report " + runDirectory);
            return ExitCodes.RUN_FAILURE;
        }
        PrintWriter writer = new PrintWriter(out, true);
        ReportCommand.print(written, writer);
        return ExitCodes.OK;
    }
}
