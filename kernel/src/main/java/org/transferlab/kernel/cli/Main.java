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
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory (" + e.getMessage() + "). Give Java more with JAVA_OPTS=-Xmx<size>"
                    + " (now " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB), or make the experiment"
                    + " smaller.");
            return ExitCodes.RUN_FAILURE;
        } catch (StackOverflowError e) {
            System.err.println("error: the stack overflowed; the input is nested too deeply.");
            return ExitCodes.RUN_FAILURE;
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new TransferlabCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureHandler());
    }
}
