package org.transferlab.kernel.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The planned tasks in an order where every task comes after its dependencies. */
public final class TaskGraph {

    private final Map<String, Task> tasks = new LinkedHashMap<>();

    /** Ids and folders are unique by construction ({@link Planner} reports colliding declarations); checked again. */
    TaskGraph(List<Task> ordered) {
        Map<String, String> folders = new HashMap<>();
        for (Task task : ordered) {
            for (String dependency : task.dependencies()) {
                if (!tasks.containsKey(dependency)) {
                    throw new IllegalStateException(task.id() + " depends on " + dependency + ", which is not planned before it");
                }
            }
            if (tasks.put(task.id(), task) != null) {
                throw new IllegalStateException("two tasks have the id " + task.id());
            }
            String other = folders.put(task.directory(), task.id());
            if (other != null) {
                throw new IllegalStateException("the tasks " + other + " and " + task.id() + " would share the folder "
                        + task.directory());
            }
        }
    }

    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public <T extends Task> List<T> tasks(Class<T> type) {
        return tasks.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public int size() {
        return tasks.size();
    }
}
