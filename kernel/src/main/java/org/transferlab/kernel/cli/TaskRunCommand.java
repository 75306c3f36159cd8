package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.kernel.config.Suggestions;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.lock.StudyLock;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one task of the plan in this process, as one job of a cluster scheduler: the tasks it "
                + "depends on (transferlab plan --json lists them) must have run. A cached task is not run again "
                + "unless --force. Many task runs may share a run directory; two never run the same task, and none "
                + "runs while a transferlab run holds the study. Results and the report are written by a final "
                + "transferlab task finish FILE (or transferlab run FILE), which finds every task cached.",
                "Example: transferlab task run 'attack/alexnet@outline/fgsm-eps0.1' experiments.yaml"})
final class TaskRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The task's id, as transferlab plan prints it.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", defaultValue = "experiments.yaml",
            description = "Experiment file (default: ${DEFAULT-VALUE}).")
    Path file;

    @Mixin
    PluginOptions plugins;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--force", description = "Run the task even when its artefacts are cached.")
    boolean force;

    @Mixin
    LockWaitOption lockWait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlannedRun run = PlannedRun.plan(ExperimentOptions.load(file, plugins), execution, force);
        TaskGraph graph = run.graph();
        Task task = graph.task(id).orElseThrow(() -> new BadInputException(unknownTask(graph)));
        PrintWriter out = spec.commandLine().getOut();
        if (!force && Runner.isCached(task, run.runDirectory())) {
            out.println(task.id() + ": cached, nothing to run (--force runs it again)");
            return ExitCodes.OK;
        }
        List<String> missing = missingDependencies(graph, task, run.runDirectory(), lockWait.duration());
        if (!missing.isEmpty()) {
            throw new BadInputException(missingDependencies(missing));
        }
        try (StudyLock lock = StudyLock.shared(run.runDirectory(), "task run " + task.id(), lockWait.duration(), out::println)) {
            PlannedRun locked = new PlannedRun(run.loaded(), run.options().withTaskLockWait(lockWait.duration()), graph);
            return locked.execute(spec.commandLine().getErr(), runner -> runner.runTask(task));
        }
    }

    /**
     * The dependencies of {@code task} that have not run. On a shared file system a job may start on one machine a
     * moment after its dependency committed on another, before this machine sees the new files; so within a lock wait
     * they are looked for again, for up to a minute.
     */
    private static List<String> missingDependencies(TaskGraph graph, Task task, Path runDirectory, Duration wait) {
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), Duration.ofMinutes(1).toNanos());
        while (true) {
            List<String> missing = Runner.missingDependencies(graph, task::equals, runDirectory)
                    .getOrDefault(task.id(), List.of());
            if (missing.isEmpty() || System.nanoTime() >= deadline) {
                return missing;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return missing;
            }
        }
    }

    private String unknownTask(TaskGraph graph) {
        List<String> ids = graph.tasks().stream().map(Task::id).toList();
        return "no task '" + id + "' in the plan of " + file + Suggestions.closest(id, ids)
                .map(candidate -> "; did you mean '" + candidate + "'?")
                .orElse("; transferlab plan " + file + " lists the tasks");
    }

    private String missingDependencies(List<String> missing) {
        StringBuilder message = new StringBuilder(id + " needs " + (missing.size() == 1 ? "a task" : "tasks")
                + " that " + (missing.size() == 1 ? "has" : "have") + " not been run; run "
                + (missing.size() == 1 ? "it" : "them") + " first:");
        for (String dependency : missing) {
            List<String> command = new ArrayList<>(List.of("transferlab", "task", "run", "'" + dependency + "'",
                    file.toString()));
            if (plugins.folder != null) {
                command.addAll(List.of("--plugins", plugins.folder.toString()));
            }
            command.addAll(execution.asGiven());
            message.append(System.lineSeparator()).append("  ").append(String.join(" ", command));
        }
        return message.toString();
    }
}
