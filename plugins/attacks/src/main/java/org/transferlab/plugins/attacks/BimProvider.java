package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code bim}: the basic iterative method, I-FGSM (Kurakin et al. 2017), from the clean image. */
public final class BimProvider implements AttackProvider<BimOptions> {

    @Override
    public String name() {
        return "bim";
    }

    @Override
    public Class<BimOptions> optionsType() {
        return BimOptions.class;
    }

    @Override
    public String description() {
        return "basic iterative method (I-FGSM): steps of step_size along the gradient sign, within L-inf eps";
    }

    @Override
    public Attack create(BimOptions options) {
        return new IterativeLinfAttack(IterativeLinfAttack.Settings.basic(
                options.epsOrDefault(), options.stepSizeOrDefault(), options.stepsOrDefault(), false),
                options.target());
    }
}
