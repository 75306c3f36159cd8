package org.transferlab.kernel.lock;

/** A lock is held by someone else: the message names the holder and says what to do. Nothing was touched. */
public final class LockedException extends RuntimeException {

    public LockedException(String message) {
        super(message);
    }
}
