package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transferlab.kernel.engine.Cancellation;
import sun.misc.Signal;

/** Signals raised in this very process: the handler must be installed, or the JVM's default would end the tests. */
class StopOnSignalTest {

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143", "USR1, 138"}) // USR1: Slurm's warning before a time limit or preemption
    void aSignalCancelsTheWorkAtItsNextSafePointAndGivesTheExitStatus(String signal, int status) {
        StringWriter err = new StringWriter();

        int exit = StopOnSignal.run(new PrintWriter(err, true), cancellation -> {
            Signal.raise(new Signal(signal));
            awaitRequest(cancellation);
            cancellation.check();
        });

        assertEquals(status, exit);
        assertEquals(List.of(
                "SIG" + signal + ": stopping after the current batch (send it again to stop at once)",
                "interrupted by SIG" + signal + ": the task in progress was discarded, every finished task is kept.",
                "To resume, run the same command again; finished tasks are cached."), err.toString().lines().toList());
    }

    @Test
    void workThatFinishesExitsWithZeroAndSaysNothing() {
        StringWriter err = new StringWriter();

        assertEquals(0, StopOnSignal.run(new PrintWriter(err, true), cancellation -> { }));
        assertEquals("", err.toString());
    }

    private static void awaitRequest(Cancellation cancellation) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cancellation.isRequested()) {
            assertTrue(System.nanoTime() < deadline, "the signal did not reach the handler");
            Thread.onSpinWait();
        }
    }
}
