package org.transferlab.kernel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.exec.RunOptions;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.report.Report;
import org.transferlab.kernel.results.ResultRow;
import org.transferlab.kernel.results.ResultTable;
import org.transferlab.kernel.results.Results;
import org.transferlab.kernel.results.VerdictRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Plans the experiment, runs every task that is not cached, and writes results.csv, results.json, "
                + "the result table, and report.md and report.html with their figures.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the file's output setting).")
    Path output;

    @Option(names = "--data-root", paramLabel = "DIR", description = "Data root (default: the file's data.root).")
    Path dataRoot;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto, cpu, gpu or gpu:N (default: the file's runtime.device).")
    String device;

    @Option(names = "--only", paramLabel = "GLOB", description = "Run only the tasks whose id matches, e.g. 'pretrain/*'.")
    String only;

    @Option(names = "--force", description = "Run tasks even when their artefacts are cached.")
    boolean force;

    @Option(names = "--dry-run", description = "Print what would run, and run nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ExperimentOptions.Loaded loaded = experiment.load();
        ExperimentConfig config = loaded.experiment().config();
        if (device != null && !device.matches("auto|cpu|gpu|gpu:[0-9]+")) {
            throw new BadInputException("--device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        TaskGraph graph = new Planner(config, loaded.plugins()).plan();
        Path runDirectory = runDirectory(config, output);
        Predicate<Task> selected = selection(only);
        PrintStream out = System.out;
        if (dryRun) {
            for (Task task : graph.tasks()) {
                if (selected.test(task)) {
                    out.println((Runner.isCached(task, runDirectory) && !force ? "cached   " : "would run ") + task.id());
                }
            }
            return ExitCodes.OK;
        }
        RunOptions options = new RunOptions(runDirectory,
                dataRoot != null ? dataRoot : expandHome(config.dataOrDefault().rootOrDefault()),
                config.dataOrDefault().downloadOrDefault(),
                runtime(config), force);
        Manifest.write(loaded, options, graph);
        new Runner(config, loaded.plugins(), graph, options, out, ConsoleTrainingListener::forTask,
                ConsoleTransferProgress.create()).run(selected);
        if (only == null) {
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
        return ExitCodes.OK;
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

    static Path runDirectory(ExperimentConfig config, Path outputOverride) {
        Path base = outputOverride != null ? outputOverride : expandHome(config.outputOrDefault());
        return base.resolve(config.experiment()).toAbsolutePath().normalize();
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static Predicate<Task> selection(String glob) {
        if (glob == null) {
            return task -> true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return task -> matcher.matches(Path.of(task.id()));
    }

    private RuntimeOptions runtime(ExperimentConfig config) {
        RuntimeOptions fromFile = RuntimeOptions.from(config.runtimeOrDefault());
        return device == null ? fromFile : fromFile.withDevice(device);
    }
}
