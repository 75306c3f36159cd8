package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the task graph with each task's state (cached or pending) and dependencies.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the file's output setting).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentOptions.Loaded loaded = experiment.load();
        TaskGraph graph = new Planner(loaded.experiment().config(), loaded.plugins()).plan();
        Path runDirectory = RunCommand.runDirectory(loaded.experiment().config(), output);
        PrintWriter out = spec.commandLine().getOut();
        int cached = 0;
        for (Task task : graph.tasks()) {
            boolean isCached = Runner.isCached(task, runDirectory);
            cached += isCached ? 1 : 0;
            out.printf("%-8s %s  key %s%s%n", isCached ? "cached" : "pending", task.id(), task.cacheKey().substring(0, 12),
                    task.dependencies().isEmpty() ? "" : "  after " + String.join(", ", task.dependencies()));
        }
        out.printf("%d tasks: %d cached, %d pending (%s)%n", graph.size(), cached, graph.size() - cached, runDirectory);
        return ExitCodes.OK;
    }
}
