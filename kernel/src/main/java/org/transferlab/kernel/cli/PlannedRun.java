package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.exec.RunOptions;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.TaskGraph;

/** An experiment ready to run: its file and plugins, where and how its tasks run, and its task graph. */
record PlannedRun(ExperimentOptions.Loaded loaded, RunOptions options, TaskGraph graph) {

    /** @throws BadInputException when {@code --device} is malformed */
    static PlannedRun plan(ExperimentOptions.Loaded loaded, ExecutionOptions execution, boolean force) {
        ExperimentConfig config = loaded.experiment().config();
        return new PlannedRun(loaded, execution.resolve(config, force), new Planner(config, loaded.plugins()).plan());
    }

    Path runDirectory() {
        return options.runDirectory();
    }

    /**
     * Writes {@code manifest.json}, then gives {@code work} a runner that prints its progress on standard output and
     * stops at its next safe point on SIGINT or SIGTERM.
     *
     * @return 0, or 128 + the number of the signal that stopped the work
     */
    int execute(PrintWriter err, Consumer<Runner> work) throws IOException {
        Manifest.write(loaded, options, graph);
        return StopOnSignal.run(err, cancellation -> work.accept(new Runner(loaded.experiment().config(),
                loaded.plugins(), graph, options, System.out, ConsoleTrainingListener::forTask,
                ConsoleTransferProgress.create(), cancellation)));
    }
}
