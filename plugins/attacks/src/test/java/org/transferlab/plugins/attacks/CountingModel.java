package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.SourceModel;

/** A source model that counts the calls an attack makes to it: how often it asks for gradients and for logits. */
class CountingModel extends ForwardingModel {

    int lossGradients;
    int logitGradients;
    int logitCalls;
    /** Images through either gradient, over all calls. */
    long gradientImages;

    CountingModel(SourceModel model) {
        super(model);
    }

    @Override
    public float[] logits(float[] images, int count) {
        logitCalls++;
        return super.logits(images, count);
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        lossGradients++;
        gradientImages += labels.length;
        return super.lossGradient(images, labels);
    }

    @Override
    public float[] logitGradient(float[] images, float[] weights) {
        logitGradients++;
        gradientImages += weights.length / numClasses();
        return super.logitGradient(images, weights);
    }
}
