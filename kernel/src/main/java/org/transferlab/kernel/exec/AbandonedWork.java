package org.transferlab.kernel.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.transferlab.kernel.lock.TaskLock;
import org.transferlab.kernel.plan.Task;

/**
 * What killed processes left in a run directory: working directories never committed, replaced directories not yet
 * deleted, and files never renamed into place. None of it is trusted, and all of it is removed, except a working
 * directory whose task's lock is still held: a live process, perhaps on another machine, is writing it.
 */
final class AbandonedWork {

    /** Coordination state, which is never swept: lock files and scheduler submissions. */
    private static final Set<String> KEPT = Set.of("locks", "slurm");

    private AbandonedWork() {
    }

    /**
     * Sweeps the whole run directory; for a process that holds the run directory alone.
     *
     * @return the working directories left alone because their owner is alive
     */
    static List<Path> sweep(Path runDirectory) {
        List<Path> live = new ArrayList<>();
        if (!Files.isDirectory(runDirectory)) {
            return live;
        }
        try (Stream<Path> paths = Files.walk(runDirectory, 3)) {
            for (Path path : paths.filter(p -> !p.equals(runDirectory))
                    .filter(p -> !KEPT.contains(runDirectory.relativize(p).getName(0).toString()))
                    .filter(p -> ArtefactDirectory.isWorkingName(p.getFileName().toString())).toList()) {
                if (Files.isDirectory(path) && isLive(runDirectory, path)) {
                    live.add(path);
                } else {
                    remove(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + runDirectory, e);
        }
        return live;
    }

    /**
     * Removes the leftovers of one task, and not those of a sibling whose name merely starts the same; for the process
     * that holds the task's lock.
     */
    static void sweep(Path runDirectory, Task task) {
        Path target = runDirectory.resolve(task.directory());
        if (!Files.isDirectory(target.getParent())) {
            return;
        }
        try (Stream<Path> paths = Files.list(target.getParent())) {
            for (Path path : paths.filter(p -> ArtefactDirectory.isWorkingNameOf(p.getFileName().toString(), target)).toList()) {
                remove(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + target.getParent(), e);
        }
    }

    /** A working directory {@code <run>/<area>/.<name>.tmp-…} belongs to the task whose directory is {@code <area>/<name>}. */
    private static boolean isLive(Path runDirectory, Path working) {
        Path relative = runDirectory.relativize(working);
        if (relative.getNameCount() != 2) {
            return false;
        }
        Optional<String> name = ArtefactDirectory.ownerName(working.getFileName().toString());
        return name.isPresent() && TaskLock.isHeld(runDirectory, relative.getName(0) + "/" + name.get());
    }

    private static void remove(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            ArtefactDirectory.abandon(path);
        } else {
            Files.deleteIfExists(path);
        }
    }
}
