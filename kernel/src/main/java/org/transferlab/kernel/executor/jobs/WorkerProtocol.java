package org.transferlab.kernel.executor.jobs;

import java.util.Optional;

/**
 * What a coordinator and its worker processes say to each other, one line at a time: commands on the worker's standard
 * input, events on its standard output among the lines it logs. Task ids hold no spaces, so an id ends at the first.
 */
final class WorkerProtocol {

    /** Starts every event line, so that no log line can be taken for one. */
    static final String EVENT = "##transferlab-worker## ";
    /** Tells the coordinator who it is: {@code <host> <pid> <since>}. */
    static final String COORDINATOR_VARIABLE = "TRANSFERLAB_COORDINATOR";

    static final String RUN = "run";
    static final String STOP = "stop";

    /** A worker's event. */
    record Event(Kind kind, String taskId, String detail) {

        enum Kind { READY, DONE, CACHED, FAILED, STOPPED }

        String line() {
            return EVENT + kind.name().toLowerCase(java.util.Locale.ROOT) + (taskId == null ? "" : " " + taskId)
                    + (detail == null ? "" : " " + detail.replace('\n', ' ').replace('\r', ' '));
        }

        static Optional<Event> parse(String line) {
            if (!line.startsWith(EVENT)) {
                return Optional.empty();
            }
            String[] parts = line.substring(EVENT.length()).split(" ", 3);
            try {
                Kind kind = Kind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
                return Optional.of(new Event(kind, parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private WorkerProtocol() {
    }

    /** {@code run <id> <cache key>}: the key lets the worker check that it planned the same task. */
    static String run(String taskId, String cacheKey) {
        return RUN + " " + taskId + " " + cacheKey;
    }
}
