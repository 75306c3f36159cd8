package org.transferlab.api.attack;

import org.transferlab.api.Provider;

/** An attack plugin: crafts adversarial examples on a source model. */
public interface AttackProvider<O extends Record> extends Provider<O> {

    Attack create(O options);
}
