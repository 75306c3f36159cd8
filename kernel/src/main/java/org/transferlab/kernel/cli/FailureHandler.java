package org.transferlab.kernel.cli;

import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.io.RunDirectoryGuard;
import org.transferlab.kernel.lock.LockedException;
import org.transferlab.kernel.text.VisibleText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into a message on standard error and the documented exit status, without a stack trace for bad input. */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        var err = command.getErr();
        if (e instanceof ConfigException config) {
            err.println(config.getMessage());
            err.println(config.errors().size() + (config.errors().size() == 1 ? " error" : " errors")
                    + "; nothing was run.");
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof BadInputException || e instanceof LockedException
                || e instanceof RunDirectoryGuard.UnsafeRunDirectoryException) {
            err.println("error: " + VisibleText.escapeKeepingLines(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        err.println("error: " + (e.getMessage() != null ? VisibleText.escapeKeepingLines(e.getMessage())
                : e.getClass().getSimpleName()));
        if (Boolean.getBoolean("transferlab.debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(run with JAVA_OPTS=-Dtransferlab.debug=true for the stack trace)");
        }
        return ExitCodes.RUN_FAILURE;
    }
}
