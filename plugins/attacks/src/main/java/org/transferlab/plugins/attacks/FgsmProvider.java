package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code fgsm}: the single-step L∞ attack. */
public final class FgsmProvider implements AttackProvider<FgsmOptions> {

    @Override
    public String name() {
        return "fgsm";
    }

    @Override
    public Class<FgsmOptions> optionsType() {
        return FgsmOptions.class;
    }

    @Override
    public String description() {
        return "fast gradient sign method, one L-inf step of size eps";
    }

    @Override
    public Attack create(FgsmOptions options) {
        return new FgsmAttack(options.epsOrDefault(), options.target());
    }
}
