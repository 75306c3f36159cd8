package org.transferlab.kernel.estimate;

import java.util.Set;
import java.util.function.Supplier;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.kernel.config.Recipe;

/** Where an estimate's speeds come from when the machine's calibration lacks them. */
interface Measurements {

    /** {training images per second at the recipe's batch with {@code frozen} fixed, seconds to build the network}. */
    double[] training(Architecture architecture, Set<String> frozen, Recipe recipe);

    /**
     * For a fine-tune that trains above the frozen prefix {@code cut}: {training images per second on features,
     * seconds to build the network, images per second through the prefix (features computed), predictions per second
     * on features}.
     */
    double[] trainingAbove(Architecture architecture, Set<String> frozen, Recipe recipe, Cut cut);

    /** {inference images per second, input-gradient images per second, seconds to build the network} at {@code batch}. */
    double[] inference(Architecture architecture, int batch);

    /** {gradients per attacked image, logit evaluations per attacked image}; the attack is created only to be run. */
    double[] attackWork(Architecture architecture, Supplier<Attack> attack);
}
