package org.transferlab.plugins.attacks;

/** {@code di-fgsm}: the iterative L∞ attack with its component on by default; see {@link TransferOptions}. */
public final class DiFgsmProvider extends TransferAttackProvider {

    public DiFgsmProvider() {
        super("di-fgsm", "diverse-input iterative FGSM: random resize and pad with probability 0.5",
                new TransferOptions.Defaults(0, false, 0.5, 1));
    }
}
