package org.transferlab.kernel.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a command that shares the run directory waits for whoever is in its way. */
final class LockWaitOption {

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to SECONDS for a transferlab run that holds the study, or for another process that "
                    + "runs the same task, instead of refusing at once (exit 2); default: ${DEFAULT-VALUE}.")
    long seconds;

    Duration duration() {
        if (seconds < 0) {
            throw new BadInputException("--lock-wait must be 0 or more seconds, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
