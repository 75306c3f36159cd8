package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code cw-l2}: the Carlini &amp; Wagner L2 minimum-norm attack. */
public final class CwL2Provider implements AttackProvider<CwL2Options> {

    @Override
    public String name() {
        return "cw-l2";
    }

    @Override
    public Class<CwL2Options> optionsType() {
        return CwL2Options.class;
    }

    @Override
    public String description() {
        return "Carlini-Wagner L2: smallest L2 example by Adam in tanh space, binary search over the constant c";
    }

    @Override
    public Attack create(CwL2Options options) {
        return new CwL2Attack(options.settings(), options.target());
    }
}
