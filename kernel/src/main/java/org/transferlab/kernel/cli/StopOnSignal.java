package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.CancelledException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and a scheduler's SIGTERM or SIGUSR1 into a {@link Cancellation}: the work stops at its next safe point (a
 * training step, an attack batch, the end of a task), its working directory is discarded, every committed task is kept,
 * and the command exits with 128 + the signal's number. A second signal ends the process at once; the working directory
 * it leaves is removed by the next run.
 *
 * <p>A signal handler rather than a shutdown hook: a hook runs only once the JVM has begun to exit, alongside the other
 * hooks (logging, JavaCPP's deallocator) that may free what the worker still uses; it would have to block the exit,
 * bounded, until the worker reaches a safe point, and neither the hook nor the worker could then print a summary or
 * choose the exit status without racing the exit or deadlocking in {@code System.exit}. With a handler the JVM stays
 * fully alive: the worker unwinds normally through its {@code finally} blocks and the command returns its status.
 */
final class StopOnSignal implements AutoCloseable {

    static final String RESUME_HINT = "To resume, run the same command again; finished tasks are cached.";
    /** USR1 is what Slurm sends ahead of a job's time limit or preemption ({@code --signal=B:USR1@90}). */
    private static final List<String> SIGNALS = List.of("INT", "TERM", "USR1");

    private final Cancellation cancellation = new Cancellation();
    private final PrintWriter err;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    /** The first signal; the JVM may deliver two signals on two threads at once. */
    private final AtomicReference<Signal> received = new AtomicReference<>();

    private StopOnSignal(PrintWriter err) {
        this.err = err;
    }

    /**
     * Runs {@code work} with SIGINT, SIGTERM and SIGUSR1 requesting its cancellation.
     *
     * @return 0 when the work finished, else 128 + the number of the signal that stopped it
     */
    static int run(PrintWriter err, Consumer<Cancellation> work) {
        try (StopOnSignal stop = new StopOnSignal(err)) {
            stop.install();
            try {
                work.accept(stop.cancellation);
                return ExitCodes.OK;
            } catch (CancelledException e) {
                err.println("interrupted by " + e.reason() + ": the task in progress was discarded, every finished "
                        + "task is kept.");
                err.println(RESUME_HINT);
                Signal first = stop.received.get();
                return 128 + (first == null ? 2 : first.getNumber());
            }
        }
    }

    private void install() {
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, this::handle));
            } catch (IllegalArgumentException e) {
                // Not available on this platform, or reserved by the JVM (-Xrs): the JVM's default applies.
            }
        }
    }

    private void handle(Signal signal) {
        if (!received.compareAndSet(null, signal)) {
            err.println("SIG" + signal.getName() + " again: stopping at once; the next run removes the unfinished work.");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        err.println("SIG" + signal.getName() + ": stopping after the current batch (send it again to stop at once)");
        cancellation.request("SIG" + signal.getName());
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
