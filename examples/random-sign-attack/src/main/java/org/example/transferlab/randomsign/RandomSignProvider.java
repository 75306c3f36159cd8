package org.example.transferlab.randomsign;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** Registers {@code random-sign} through META-INF/services/org.transferlab.api.attack.AttackProvider. */
public final class RandomSignProvider implements AttackProvider<RandomSignOptions> {

    @Override
    public String name() {
        return "random-sign";
    }

    @Override
    public Class<RandomSignOptions> optionsType() {
        return RandomSignOptions.class;
    }

    @Override
    public String description() {
        return "random +-eps noise; the no-gradient control (example plugin)";
    }

    @Override
    public Attack create(RandomSignOptions options) {
        return new RandomSignAttack(options.epsOrDefault());
    }
}
