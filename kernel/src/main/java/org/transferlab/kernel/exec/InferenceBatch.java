package org.transferlab.kernel.exec;

/** How many images a run's attack and evaluation steps put through a model at once. */
public final class InferenceBatch {

    public static final int SIZE = 256;

    private InferenceBatch() {
    }
}
