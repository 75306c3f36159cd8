package org.transferlab.kernel.report;

/** A run directory whose required files are missing or unreadable; the message names the file. */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
