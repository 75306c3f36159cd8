package org.transferlab.kernel.cli;

import picocli.CommandLine;

/** Entry point of the {@code transferlab} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new TransferlabCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureHandler());
    }
}
