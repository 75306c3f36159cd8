package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;

/** {@code deepfool}: the DeepFool minimum-norm L2 attack. */
public final class DeepFoolProvider implements AttackProvider<DeepFoolOptions> {

    @Override
    public String name() {
        return "deepfool";
    }

    @Override
    public Class<DeepFoolOptions> optionsType() {
        return DeepFoolOptions.class;
    }

    @Override
    public String description() {
        return "DeepFool: L2 steps to the nearest linearised decision boundary, with overshoot 0.02, untargeted";
    }

    @Override
    public Attack create(DeepFoolOptions options) {
        return new DeepFoolAttack(options.settings());
    }
}
