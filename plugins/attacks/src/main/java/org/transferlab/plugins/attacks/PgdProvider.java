package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code pgd}: projected gradient descent in L∞ (Madry et al. 2018), BIM from a random start. */
public final class PgdProvider implements AttackProvider<PgdOptions> {

    @Override
    public String name() {
        return "pgd";
    }

    @Override
    public Class<PgdOptions> optionsType() {
        return PgdOptions.class;
    }

    @Override
    public String description() {
        return "projected gradient descent, L-inf, from a random start in the eps-ball";
    }

    @Override
    public Attack create(PgdOptions options) {
        return new IterativeLinfAttack(IterativeLinfAttack.Settings.basic(options.epsOrDefault(),
                options.stepSizeOrDefault(), options.stepsOrDefault(), options.randomStartOrDefault()),
                options.target());
    }
}
