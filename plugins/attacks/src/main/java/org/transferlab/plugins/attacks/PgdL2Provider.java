package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code pgd-l2}: projected gradient descent in L2. */
public final class PgdL2Provider implements AttackProvider<PgdL2Options> {

    @Override
    public String name() {
        return "pgd-l2";
    }

    @Override
    public Class<PgdL2Options> optionsType() {
        return PgdL2Options.class;
    }

    @Override
    public String description() {
        return "projected gradient descent, L2: normalised gradient steps projected onto the eps-ball";
    }

    @Override
    public Attack create(PgdL2Options options) {
        return new PgdL2Attack(options.epsOrDefault(), options.stepSizeOrDefault(), options.stepsOrDefault(),
                options.randomStartOrDefault(), options.target());
    }
}
