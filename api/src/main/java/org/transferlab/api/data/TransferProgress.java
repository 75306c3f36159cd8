package org.transferlab.api.data;

/** Follows one download at a time; every method does nothing unless overridden. */
public interface TransferProgress {

    TransferProgress NONE = new TransferProgress() {
    };

    /** A download of {@code file} starts; {@code totalBytes} is -1 when the server does not say. */
    default void started(String file, long totalBytes) {
    }

    /** {@code bytes} more bytes arrived. */
    default void advanced(long bytes) {
    }

    /** The download ended, successfully or not. */
    default void finished() {
    }
}
