package org.transferlab.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.transferlab.kernel.exec.Runner;
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

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Mixin
    ExperimentOptions experiment;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the file's output setting).")
    Path output;

    @Option(names = "--json", description = "One JSON object per task (id, kind, dependencies, cacheKey, cached, "
            + "directory), in an order where every task follows its dependencies: what a cluster scheduler needs to "
            + "submit one transferlab task run per task.")
    boolean json;

    @Option(names = "--estimate", description = "Also print the expected time of each task kind and of the whole plan "
            + "on this machine, from short measurements of each model and attack the plan uses; they are kept per "
            + "machine in ~/.transferlab/calibration and taken only once.")
    boolean estimate;

    @Option(names = "--recalibrate", description = "With --estimate: measure this machine again instead of reusing "
            + "its kept measurements.")
    boolean recalibrate;

    @Option(names = "--calibration", paramLabel = "DIR",
            description = "With --estimate: where this machine's measurements are kept (default: "
                    + "~/.transferlab/calibration).")
    Path calibration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentOptions.Loaded loaded = experiment.load();
        TaskGraph graph = loaded.graph();
        Path runDirectory = ExecutionOptions.runDirectory(loaded.experiment().config(), output);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(graph.tasks().stream().map(task -> describe(task, runDirectory)).toList()));
            return ExitCodes.OK;
        }
        int cached = 0;
        for (Task task : graph.tasks()) {
            boolean isCached = Runner.isCached(task, runDirectory);
            cached += isCached ? 1 : 0;
            out.printf("%-8s %s  key %s%s%n", isCached ? "cached" : "pending", task.id(), task.cacheKey().substring(0, 12),
                    task.dependencies().isEmpty() ? "" : "  after " + String.join(", ", task.dependencies()));
        }
        out.printf("%d tasks: %d cached, %d pending (%s)%n", graph.size(), cached, graph.size() - cached, runDirectory);
        if (estimate) {
            out.flush();
            Path folder = calibration != null ? calibration
                    : Path.of(System.getProperty("user.home"), ".transferlab", "calibration");
            EstimateTable.print(out, loaded, graph, runDirectory, folder, recalibrate);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> describe(Task task, Path runDirectory) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", task.id());
        entry.put("kind", task.kind().label());
        entry.put("dependencies", task.dependencies());
        entry.put("cacheKey", task.cacheKey());
        entry.put("cached", Runner.isCached(task, runDirectory));
        entry.put("directory", task.directory());
        return entry;
    }
}
