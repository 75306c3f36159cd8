package org.transferlab.kernel.cli;

/** A command-line input that cannot be used, reported with exit status 2. */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
