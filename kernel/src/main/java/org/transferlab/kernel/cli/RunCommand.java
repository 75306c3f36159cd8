package org.transferlab.kernel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.report.Report;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.ResultTable;
import org.transferlab.kernel.results.Results;
import org.transferlab.kernel.results.VerdictRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Plans the experiment, runs every task that is not cached, and writes results.csv, results.json, "
                + "the result table, and report.md and report.html with their figures. Ctrl-C stops after the current "
                + "batch; run the same command again to resume.",
                "Results and the report are written whenever every task of the plan has run, also after --only."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "Run only the tasks whose id matches; * matches any characters, / included: 'attack/*'.")
    String only;

    @Option(names = "--force", description = "Run the selected tasks even when their artefacts are cached.")
    boolean force;

    @Option(names = "--dry-run", description = "Print what would run, and run nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlannedRun run = PlannedRun.plan(experiment.load(), execution, force);
        TaskGraph graph = run.graph();
        Path runDirectory = run.runDirectory();
        Predicate<Task> selected = selection(graph);
        PrintStream out = System.out;
        if (dryRun) {
            for (Task task : graph.tasks()) {
                if (selected.test(task)) {
                    out.println((Runner.isCached(task, runDirectory) && !force ? "cached   " : "would run ") + task.id());
                }
            }
            return ExitCodes.OK;
        }
        requireDependencies(graph, selected, runDirectory);
        int stopped = run.execute(spec.commandLine().getErr(), runner -> runner.run(selected));
        if (stopped != ExitCodes.OK) {
            return stopped;
        }
        long pending = graph.tasks().stream().filter(task -> !Runner.isCached(task, runDirectory)).count();
        if (pending > 0) {
            out.printf("results not written: %d of %d tasks of the plan have not run (run without --only to finish)%n",
                    pending, graph.size());
            return ExitCodes.OK;
        }
        List<ResultRow> rows = Results.collect(graph, runDirectory);
        Results.write(rows, runDirectory);
        List<VerdictRow> verdicts = Results.verdicts(graph, runDirectory);
        Results.writeVerdicts(verdicts, runDirectory);
        out.println();
        ResultTable.print(rows, out);
        out.println();
        if (!verdicts.isEmpty()) {
            ResultTable.printVerdicts(verdicts, out);
            out.println();
        }
        out.println("results: " + runDirectory.resolve("results.csv"));
        return report(runDirectory, out);
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

    private Predicate<Task> selection(TaskGraph graph) {
        if (only == null) {
            return task -> true;
        }
        TaskGlob glob = new TaskGlob(only);
        if (graph.tasks().stream().noneMatch(glob)) {
            throw new BadInputException("--only '" + only + "' matches no task of the plan; transferlab plan "
                    + experiment.file + " lists them");
        }
        return glob;
    }

    /** Everything a selected task reads must be cached or selected too; otherwise nothing is run. */
    private static void requireDependencies(TaskGraph graph, Predicate<Task> selected, Path runDirectory) {
        Map<String, List<String>> missing = Runner.missingDependencies(graph, selected, runDirectory);
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("the selected tasks need tasks that have not been run:");
        missing.forEach((task, needed) -> message.append(System.lineSeparator()).append("  ").append(task)
                .append(" needs ").append(String.join(", ", needed)));
        message.append(System.lineSeparator()).append("run those first, or widen --only to include them");
        throw new BadInputException(message.toString());
    }
}
