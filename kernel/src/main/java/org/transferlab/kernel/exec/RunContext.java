package org.transferlab.kernel.exec;

import java.nio.file.Path;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plan.TrainTask;
import org.transferlab.kernel.plugin.PluginCatalog;

/** Everything the task executors share during one run. */
record RunContext(ExperimentConfig config, PluginCatalog plugins, TaskGraph graph, Datasets datasets, RunOptions options,
                  Cancellation cancellation) {

    Path directoryOf(Task task) {
        return options.runDirectory().resolve(task.directory());
    }

    Path directoryOf(String taskId) {
        return directoryOf(graph.task(taskId).orElseThrow());
    }

    TrainTask trainTask(String id) {
        return (TrainTask) graph.task(id).orElseThrow();
    }

    RuntimeOptions runtime() {
        return options.runtime();
    }

    /** The architecture a training task produces: its model alias sized for its dataset's classes. */
    ModelSpec modelOf(TrainTask task) {
        PluginRef ref = config.models().get(task.modelAlias());
        return new ModelSpec(ref.plugin(), ref.options(), datasets.numClasses(task.datasetAlias()));
    }

    /** Whether a model trained by {@code task} predicts the classes of dataset {@code alias}, by name and order. */
    boolean sharesClasses(TrainTask task, String alias) {
        return datasets.describe(task.datasetAlias()).classNames().equals(datasets.describe(alias).classNames());
    }

    Architecture architectureOf(TrainTask task) {
        return modelOf(task).create(plugins);
    }
}
