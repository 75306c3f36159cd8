package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** The entries of the MI/NI/DI/TI family: one attack, each entry with its own component switched on by default. */
abstract class TransferAttackProvider implements AttackProvider<TransferOptions> {

    private final String name;
    private final String description;
    private final TransferOptions.Defaults defaults;

    TransferAttackProvider(String name, String description, TransferOptions.Defaults defaults) {
        this.name = name;
        this.description = description;
        this.defaults = defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<TransferOptions> optionsType() {
        return TransferOptions.class;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Attack create(TransferOptions options) {
        return new IterativeLinfAttack(options.settings(defaults), options.target());
    }
}
