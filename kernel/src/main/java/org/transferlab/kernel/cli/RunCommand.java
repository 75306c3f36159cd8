package org.transferlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.executor.TransferlabProcess;
import org.transferlab.kernel.executor.jobs.JobsConsole;
import org.transferlab.kernel.executor.jobs.JobsExecutor;
import org.transferlab.kernel.lock.StudyLock;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Plans the experiment, runs every task that is not cached, and writes results.csv, results.json, "
                + "the result table, and report.md and report.html with their figures. Ctrl-C stops after the current "
                + "batch; run the same command again to resume.",
                "Results and the report are written whenever every task of the plan has run, also after --only.",
                "The tasks run in this process (--executor local), in N worker processes on this machine (--jobs N), or "
                        + "as job arrays on a Slurm cluster (--executor slurm; the final job writes the results)."})
final class RunCommand implements Callable<Integer> {

    enum Executor { LOCAL, JOBS, SLURM }

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "Run only the tasks whose id matches; * matches any characters, / included: 'attack/*'.")
    String only;

    @Option(names = "--force", description = "Run the selected tasks even when their artefacts are cached.")
    boolean force;

    @Option(names = "--dry-run", description = "Print what would run, and run nothing; with --executor slurm, write "
            + "the submission's scripts and submit nothing.")
    boolean dryRun;

    @Option(names = "--executor", paramLabel = "EXECUTOR", description = "local (this process, the default), jobs "
            + "(worker processes on this machine; needs --jobs N) or slurm (job arrays on a Slurm cluster).")
    Executor executor;

    @Option(names = "--jobs", paramLabel = "N", description = "Run independent tasks at once in N worker processes, "
            + "each with runtime.threads TensorFlow threads, or the cores divided by N when that is 0.")
    Integer jobs;

    @Mixin
    SlurmOptions slurm;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Executor chosen = chosenExecutor();
        PlannedRun run = PlannedRun.plan(experiment.load(), execution, force);
        TaskGraph graph = run.graph();
        Path runDirectory = run.runDirectory();
        Predicate<Task> selected = selection(graph);
        PrintStream out = System.out;
        if (chosen == Executor.SLURM) {
            requireDependencies(graph, selected, runDirectory);
            return slurm.submit(run, invocation(run), selected, force, dryRun, spec.commandLine().getErr());
        }
        if (dryRun) {
            for (Task task : graph.tasks()) {
                if (selected.test(task)) {
                    out.println((Runner.isCached(task, runDirectory) && !force ? "cached   " : "would run ") + task.id());
                }
            }
            return ExitCodes.OK;
        }
        requireDependencies(graph, selected, runDirectory);
        try (StudyLock lock = StudyLock.exclusive(runDirectory, "run", Duration.ZERO, spec.commandLine().getErr()::println)) {
            int stopped;
            if (chosen == Executor.LOCAL) {
                run.writeManifest("local", run.options().runtime().threads());
                stopped = run.execute(spec.commandLine().getErr(), runner -> runner.run(selected));
            } else {
                int threads = JobsExecutor.threadsPerWorker(run.options().runtime().threads(), jobs);
                run.writeManifest("jobs", threads);
                JobsExecutor executor = new JobsExecutor(graph, runDirectory, jobs, threads, TransferlabProcess.thisJvm(),
                        invocation(run), force, lock.holder(), new JobsConsole(out, System.console() != null));
                stopped = StopOnSignal.run(spec.commandLine().getErr(), cancellation -> {
                    Runner.removeAbandonedWork(runDirectory, out);
                    executor.run(graph.tasks().stream().filter(selected).toList(), force, cancellation);
                });
            }
            if (stopped != ExitCodes.OK) {
                return stopped;
            }
            return StudyResults.write(graph, runDirectory, out);
        }
    }

    private Executor chosenExecutor() {
        Executor chosen = executor != null ? executor : jobs != null ? Executor.JOBS : Executor.LOCAL;
        if (chosen == Executor.JOBS && jobs == null) {
            throw new BadInputException("--executor jobs needs --jobs N, the number of worker processes");
        }
        if (jobs != null && chosen != Executor.JOBS) {
            throw new BadInputException("--jobs is for --executor jobs, not --executor " + label(chosen));
        }
        if (jobs != null && jobs < 1) {
            throw new BadInputException("--jobs must be at least 1, got " + jobs);
        }
        if (chosen != Executor.SLURM) {
            slurm.requireUnused(label(chosen));
        }
        return chosen;
    }

    private static String label(Executor executor) {
        return executor.name().toLowerCase(java.util.Locale.ROOT);
    }

    private StudyInvocation invocation(PlannedRun run) {
        return new StudyInvocation(experiment.file, experiment.plugins.folder, run.runDirectory().getParent(),
                run.options().dataRoot(), execution.device);
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
