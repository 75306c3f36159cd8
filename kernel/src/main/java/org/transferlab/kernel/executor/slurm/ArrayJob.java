package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.transferlab.kernel.plan.Task;

/**
 * One job array of a submission: index i runs {@code tasks.get(i)}.
 *
 * @param name        e.g. {@code 02-finetune}; names its script, its tasks file and its logs
 * @param level       the dependency level of its tasks: 0 needs nothing pending, k needs tasks of levels below k
 * @param tasks       one per array index, in index order
 * @param afterOk     the arrays every one of whose tasks must have succeeded before any of this one starts
 * @param afterCorr   the array whose task i must have succeeded before this one's task i starts, or null
 */
record ArrayJob(String name, int level, List<Task> tasks, Resources resources, List<String> afterOk, String afterCorr) {

    ArrayJob {
        requireNonNull(name, "name is null");
        tasks = List.copyOf(tasks);
        requireNonNull(resources, "resources is null");
        afterOk = List.copyOf(afterOk);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("an array job needs a task");
        }
    }

    String script() {
        return name + ".sh";
    }

    String tasksFile() {
        return name + ".tasks";
    }
}
