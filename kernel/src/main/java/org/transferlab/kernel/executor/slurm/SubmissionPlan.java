package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.kernel.config.ClusterConfig;
import org.transferlab.kernel.plan.Task;

/**
 * How the pending tasks of a plan become job arrays: grouped by dependency level and by the resources their kind asks
 * for, split where an array would be larger than the cluster allows, and chained so that no task starts before the
 * tasks it reads have succeeded. An array depends on others with {@code afterok} (all of their tasks), or with
 * {@code aftercorr} (task i on task i) when each of its tasks reads exactly one pending task and those are exactly the
 * tasks of one other group; its tasks are then put in that group's order.
 *
 * @param arrays  in submission order: every array after those it depends on
 * @param finish  what the final job, which writes results and the report, asks for
 */
record SubmissionPlan(List<ArrayJob> arrays, Resources finish) {

    SubmissionPlan {
        arrays = List.copyOf(arrays);
        requireNonNull(finish, "finish is null");
    }

    /** Tasks of one level and one shape, before they are split into arrays. */
    private static final class Group {
        final String name;
        final List<Task> tasks;
        final List<ArrayJob> parts = new ArrayList<>();

        Group(String name, List<Task> tasks) {
            this.name = name;
            this.tasks = tasks;
        }

        int position(String taskId) {
            for (int i = 0; i < tasks.size(); i++) {
                if (tasks.get(i).id().equals(taskId)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(taskId + " is not in " + name);
        }
    }

    /**
     * @param pending       the tasks to submit, in plan order (every task after its dependencies)
     * @param cpus          each job's CPUs and TensorFlow threads
     * @param maxArraySize  Slurm's {@code MaxArraySize}: array indices run from 0 to one less than it
     */
    static SubmissionPlan of(List<Task> pending, ClusterConfig cluster, int cpus, int maxArraySize) {
        if (maxArraySize < 1) {
            throw new IllegalArgumentException("MaxArraySize must be at least 1, got " + maxArraySize);
        }
        Set<String> submitted = new LinkedHashSet<>(pending.stream().map(Task::id).toList());
        Map<String, Integer> levels = new HashMap<>();
        for (Task task : pending) {
            levels.put(task.id(), pendingDependencies(task, submitted).stream().mapToInt(id -> levels.get(id) + 1)
                    .max().orElse(0));
        }
        record Shape(int level, Resources resources) {
        }
        Map<Shape, List<Task>> shapes = new LinkedHashMap<>();
        pending.stream().sorted(Comparator.comparingInt(task -> levels.get(task.id())))
                .forEach(task -> shapes.computeIfAbsent(new Shape(levels.get(task.id()),
                        Resources.of(cluster, task.kind(), cpus)), shape -> new ArrayList<>()).add(task));

        Map<String, Group> groupOf = new HashMap<>();
        Map<String, ArrayJob> arrayOf = new HashMap<>();
        List<ArrayJob> arrays = new ArrayList<>();
        int number = 0;
        for (Map.Entry<Shape, List<Task>> shape : shapes.entrySet()) {
            List<Task> tasks = new ArrayList<>(shape.getValue());
            String name = String.format("%02d-%s", ++number,
                    tasks.stream().map(task -> task.kind().label()).distinct().collect(Collectors.joining("+")));
            Group corresponding = corresponding(tasks, submitted, groupOf);
            if (corresponding != null) {
                tasks.sort(Comparator.comparingInt(task -> corresponding.position(pendingDependencies(task, submitted).get(0))));
            }
            Group group = new Group(name, tasks);
            int parts = (tasks.size() + maxArraySize - 1) / maxArraySize;
            for (int part = 0; part < parts; part++) {
                List<Task> slice = tasks.subList(part * maxArraySize, Math.min(tasks.size(), (part + 1) * maxArraySize));
                Set<String> afterOk = new LinkedHashSet<>();
                String afterCorr = null;
                if (corresponding != null) {
                    afterCorr = corresponding.parts.get(part).name();
                } else {
                    slice.forEach(task -> pendingDependencies(task, submitted)
                            .forEach(dependency -> afterOk.add(arrayOf.get(dependency).name())));
                }
                ArrayJob array = new ArrayJob(parts == 1 ? name : name + "-part" + (part + 1), shape.getKey().level(),
                        slice, shape.getKey().resources(), List.copyOf(afterOk), afterCorr);
                group.parts.add(array);
                arrays.add(array);
                slice.forEach(task -> arrayOf.put(task.id(), array));
            }
            tasks.forEach(task -> groupOf.put(task.id(), group));
        }
        return new SubmissionPlan(arrays, Resources.of(cluster, null, cpus));
    }

    /**
     * The group whose tasks correspond one to one with {@code tasks}: each of {@code tasks} reads exactly one pending
     * task, each a different one, and those are all the tasks of that group. Null when there is none.
     */
    private static Group corresponding(List<Task> tasks, Set<String> submitted, Map<String, Group> groupOf) {
        Set<String> read = new LinkedHashSet<>();
        Set<Group> groups = new LinkedHashSet<>();
        for (Task task : tasks) {
            List<String> dependencies = pendingDependencies(task, submitted);
            if (dependencies.size() != 1 || !read.add(dependencies.get(0))) {
                return null;
            }
            groups.add(groupOf.get(dependencies.get(0)));
        }
        if (groups.size() != 1) {
            return null;
        }
        Group group = groups.iterator().next();
        return group.tasks.size() == tasks.size() ? group : null;
    }

    private static List<String> pendingDependencies(Task task, Set<String> submitted) {
        return task.dependencies().stream().filter(submitted::contains).toList();
    }
}
