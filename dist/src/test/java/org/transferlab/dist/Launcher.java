package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@code bin/transferlab} of a distribution as a user would, and collects what it prints. */
final class Launcher {

    record Outcome(int exitCode, String output) {
    }

    private Launcher() {
    }

    /** The distribution this build assembled. */
    static Path built() {
        return Path.of(System.getProperty("transferlab.dist"));
    }

    static Outcome run(Path distribution, Path workingDirectory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/transferlab").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        return new Outcome(process.exitValue(), output);
    }
}
