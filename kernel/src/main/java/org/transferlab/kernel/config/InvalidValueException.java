package org.transferlab.kernel.config;

/** A scalar that cannot become the value its record component needs; the message says what was expected. */
final class InvalidValueException extends Exception {

    InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
