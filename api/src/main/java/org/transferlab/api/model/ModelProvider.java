package org.transferlab.api.model;

import org.transferlab.api.Provider;

/** A model plugin: an architecture for 1×28×28 inputs in [0,1] and a given number of classes. */
public interface ModelProvider<O extends Record> extends Provider<O> {

    Architecture create(O options, int numClasses);
}
