package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.exec.RunOptions;
import org.transferlab.kernel.io.RunDirectoryGuard;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.TaskGraph;

/** An experiment ready to run: its file and plugins, where and how its tasks run, and its task graph. */
record PlannedRun(ExperimentOptions.Loaded loaded, RunOptions options, TaskGraph graph) {

    /** @throws BadInputException when {@code --device} is malformed */
    static PlannedRun plan(ExperimentOptions.Loaded loaded, ExecutionOptions execution, boolean force) {
        ExperimentConfig config = loaded.experiment().config();
        RunOptions options = execution.resolve(config, force);
        RunDirectoryGuard.check(options.runDirectory());
        return new PlannedRun(loaded, options, loaded.graph());
    }

    Path runDirectory() {
        return options.runDirectory();
    }

    ExperimentConfig config() {
        return loaded.experiment().config();
    }

    /**
     * {@code manifest.json}; for the process that holds the run directory alone.
     *
     * @param threads  the TensorFlow threads of each process that runs tasks
     */
    void writeManifest(String executor, int threads) throws IOException {
        Manifest.write(loaded, options.withRuntime(options.runtime().withThreads(threads)), graph, executor);
    }

    /**
     * Gives {@code work} a runner that prints its progress on standard output and stops at its next safe point on
     * SIGINT, SIGTERM or SIGUSR1.
     *
     * @return 0, or 128 + the number of the signal that stopped the work
     */
    int execute(PrintWriter err, Consumer<Runner> work) {
        return StopOnSignal.run(err, cancellation -> work.accept(runner(cancellation)));
    }

    Runner runner(org.transferlab.kernel.engine.Cancellation cancellation) {
        return new Runner(config(), loaded.plugins(), graph, options, System.out, ConsoleTrainingListener::forTask,
                ConsoleTransferProgress.create(), cancellation);
    }
}
