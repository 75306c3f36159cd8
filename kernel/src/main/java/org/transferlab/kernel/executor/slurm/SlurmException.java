package org.transferlab.kernel.executor.slurm;

/** A Slurm command failed, or is not there: the message names the command and what it printed. */
public final class SlurmException extends RuntimeException {

    SlurmException(String message) {
        super(message);
    }
}
