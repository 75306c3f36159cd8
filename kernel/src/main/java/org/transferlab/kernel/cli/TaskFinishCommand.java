package org.transferlab.kernel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.lock.StudyLock;
import org.transferlab.kernel.plan.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "finish", mixinStandardHelpOptions = true,
        description = {"Writes the results, the verdicts and the report of a study whose tasks have all run, as the "
                + "final job of a cluster scheduler does: what a last transferlab run would do when it finds every task "
                + "cached. Runs no task; exits 1 naming the tasks that have not run."})
final class TaskFinishCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    ExecutionOptions execution;

    @Mixin
    LockWaitOption lockWait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlannedRun run = PlannedRun.plan(experiment.load(), execution, false);
        try (StudyLock lock = StudyLock.exclusive(run.runDirectory(), "task finish", lockWait.duration(),
                spec.commandLine().getErr()::println)) {
            List<String> missing = run.graph().tasks().stream()
                    .filter(task -> !Runner.isCached(task, run.runDirectory())).map(Task::id).toList();
            if (!missing.isEmpty()) {
                var err = spec.commandLine().getErr();
                err.println("error: " + missing.size() + " of " + run.graph().size() + " tasks of the plan have not run, "
                        + "so no results were written:");
                missing.stream().limit(20).forEach(id -> err.println("  " + id));
                if (missing.size() > 20) {
                    err.println("  … and " + (missing.size() - 20) + " more (transferlab status " + experiment.file + " lists them)");
                }
                return ExitCodes.RUN_FAILURE;
            }
            return StudyResults.write(run.graph(), run.runDirectory(), System.out);
        }
    }
}
