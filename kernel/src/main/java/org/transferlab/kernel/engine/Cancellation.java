package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

/**
 * A request, possibly from another thread, to stop work at the next safe point: between training steps, between attack
 * batches and between tasks, never in the middle of writing an artefact.
 */
public final class Cancellation {

    private volatile String reason;

    /** Asks the work to stop; {@code reason} (e.g. {@code SIGINT}) ends up in the {@link CancelledException}. */
    public void request(String reason) {
        this.reason = requireNonNull(reason, "reason is null");
    }

    public boolean isRequested() {
        return reason != null;
    }

    /** A safe point: returns when no stop was requested. */
    public void check() {
        String requested = reason;
        if (requested != null) {
            throw new CancelledException(requested);
        }
    }
}
