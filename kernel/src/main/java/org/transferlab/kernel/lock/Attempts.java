package org.transferlab.kernel.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Tries to take a lock until it is taken or the wait is over. */
final class Attempts {

    /**
     * Even a lock that is to be refused at once is tried for this long: another process probing the lock holds it for
     * an instant, and must not make a free lock look taken.
     */
    private static final Duration AT_ONCE = Duration.ofMillis(600);

    private Attempts() {
    }

    /** @param waiting told once, when the first attempt failed and the wait goes on */
    static Optional<LockFile.Held> until(Supplier<Optional<LockFile.Held>> attempt, Duration wait, Runnable waiting) {
        long deadline = System.nanoTime() + Math.max(wait.toNanos(), AT_ONCE.toNanos());
        boolean told = wait.compareTo(AT_ONCE) <= 0;
        long pause = 50;
        while (true) {
            Optional<LockFile.Held> held = attempt.get();
            if (held.isPresent() || System.nanoTime() >= deadline) {
                return held;
            }
            if (!told) {
                waiting.run();
                told = true;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 1000);
        }
    }
}
