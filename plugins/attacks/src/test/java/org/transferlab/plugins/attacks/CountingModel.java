package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.SourceModel;

/** A source model that counts the calls an attack makes to it: how often it asks for gradients and for logits. */
class CountingModel implements SourceModel {

    private final SourceModel model;
    int lossGradients;
    int logitGradients;
    int logitCalls;
    /** Images through either gradient, over all calls. */
    long gradientImages;

    CountingModel(SourceModel model) {
        this.model = model;
    }

    @Override
    public int numClasses() {
        return model.numClasses();
    }

    @Override
    public float[] logits(float[] images, int count) {
        logitCalls++;
        return model.logits(images, count);
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        lossGradients++;
        gradientImages += labels.length;
        return model.lossGradient(images, labels);
    }

    @Override
    public float[] logitGradient(float[] images, float[] weights) {
        logitGradients++;
        gradientImages += weights.length / model.numClasses();
        return model.logitGradient(images, weights);
    }
}
