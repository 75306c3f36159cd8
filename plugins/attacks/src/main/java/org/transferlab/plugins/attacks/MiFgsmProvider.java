package org.transferlab.plugins.attacks;

/** {@code mi-fgsm}: the iterative L∞ attack with its component on by default; see {@link TransferOptions}. */
public final class MiFgsmProvider extends TransferAttackProvider {

    public MiFgsmProvider() {
        super("mi-fgsm", "momentum iterative FGSM (decay 1.0); combine with diversity_prob, kernel_size, nesterov",
                new TransferOptions.Defaults(1.0, false, 0, 1));
    }
}
