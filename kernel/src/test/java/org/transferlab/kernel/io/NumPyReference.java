package org.transferlab.kernel.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python snippet under NumPy, the reference implementation of the {@code .npy}/{@code .npz} formats, so that tests
 * compare against files NumPy itself writes. CI installs Debian's python3-numpy; where no Python with NumPy exists the
 * tests that need it are skipped, saying so.
 */
public final class NumPyReference {

    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");
    private static Optional<String> python;

    private NumPyReference() {
    }

    public static synchronized Optional<String> python() {
        if (python == null) {
            python = CANDIDATES.stream().filter(NumPyReference::hasNumPy).findFirst();
        }
        return python;
    }

    public static void run(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python().orElseThrow(), "-c", script));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("NumPy reference script failed:\n" + output);
        }
    }

    private static boolean hasNumPy(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
