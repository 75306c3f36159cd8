package org.transferlab.kernel.executor;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start transferlab again in another process, with the same code and plugins as this one: the distribution's
 * launcher when this process came from a distribution, else the same Java, JVM options and class path.
 *
 * @param command  the program and the arguments that come before transferlab's own, e.g. {@code [.../bin/transferlab]}
 */
public record TransferlabProcess(List<String> command) {

    private static final String MAIN = "org.transferlab.kernel.cli.Main";

    public TransferlabProcess {
        command = List.copyOf(requireNonNull(command, "command is null"));
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
    }

    /** The launcher of the distribution this process runs from, if it does; what a cluster job should call. */
    public static TransferlabProcess launcherOrThisJvm() {
        String home = System.getProperty("transferlab.home");
        if (home != null) {
            Path launcher = Path.of(home, "bin", "transferlab").toAbsolutePath().normalize();
            if (Files.isExecutable(launcher)) {
                return new TransferlabProcess(List.of(launcher.toString()));
            }
        }
        return thisJvm();
    }

    /**
     * This very JVM again: its java, its options (the heap size and the system properties the launcher set among
     * them) and its class path. What a worker process on this machine runs.
     */
    public static TransferlabProcess thisJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's agent would make every worker wait on the same port.
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        return new TransferlabProcess(command);
    }

    /** The full command line of {@code transferlab <arguments>}. */
    public List<String> with(List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return full;
    }
}
