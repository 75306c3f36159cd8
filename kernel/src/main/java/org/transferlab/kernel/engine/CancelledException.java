package org.transferlab.kernel.engine;

/** Thrown at a safe point once a {@link Cancellation} was requested; the work in progress is to be discarded. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public CancelledException(String reason) {
        super("stopped: " + reason);
        this.reason = reason;
    }

    /** What asked for the stop, e.g. {@code SIGINT}. */
    public String reason() {
        return reason;
    }
}
