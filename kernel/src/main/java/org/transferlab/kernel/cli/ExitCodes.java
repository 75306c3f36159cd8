package org.transferlab.kernel.cli;

/** Exit statuses of every command: 0 ok, 1 the run failed, 2 the input was bad (nothing was started). */
final class ExitCodes {

    static final int OK = 0;
    static final int RUN_FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
