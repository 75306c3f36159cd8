package org.transferlab.plugins.attacks;

/** {@code ni-fgsm}: the iterative L∞ attack with its component on by default; see {@link TransferOptions}. */
public final class NiFgsmProvider extends TransferAttackProvider {

    public NiFgsmProvider() {
        super("ni-fgsm", "Nesterov iterative FGSM: momentum with a look-ahead gradient",
                new TransferOptions.Defaults(1.0, true, 0, 1));
    }
}
