package org.transferlab.plugins.attacks;

/** {@code ti-fgsm}: the iterative L∞ attack with its component on by default; see {@link TransferOptions}. */
public final class TiFgsmProvider extends TransferAttackProvider {

    public TiFgsmProvider() {
        super("ti-fgsm", "translation-invariant iterative FGSM: gradient smoothed by a 7x7 Gaussian",
                new TransferOptions.Defaults(0, false, 0, 7));
    }
}
