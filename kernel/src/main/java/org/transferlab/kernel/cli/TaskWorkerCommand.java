package org.transferlab.kernel.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.transferlab.kernel.executor.jobs.JobsExecutor;
import org.transferlab.kernel.executor.jobs.Worker;
import org.transferlab.kernel.lock.LockHolder;
import org.transferlab.kernel.lock.StudyLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A worker process of {@code run --jobs N}; started by that run, never by hand. */
@Command(name = "worker", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs the tasks a transferlab run --jobs N hands it on standard input; for that run only.")
final class TaskWorkerCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--force", description = "Run the tasks even when their artefacts are cached.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlannedRun run = PlannedRun.plan(experiment.load(), execution, force);
        String token = System.getenv(JobsExecutor.COORDINATOR_VARIABLE);
        Optional<LockHolder> holder = StudyLock.exclusiveHolder(run.runDirectory());
        if (token == null || holder.isEmpty() || !token.equals(JobsExecutor.coordinatorToken(holder.get()))) {
            throw new BadInputException("transferlab task worker runs only as a worker of transferlab run --jobs N, "
                    + "which holds " + run.runDirectory() + " for it; to run one task, use transferlab task run ID");
        }
        return run.execute(spec.commandLine().getErr(), runner -> new Worker(run.graph(), System.out, runner.cancellation())
                .serve(runner, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))));
    }
}
