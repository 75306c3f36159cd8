package org.transferlab.plugins.attacks;

import org.transferlab.api.attack.SourceModel;

/** A source model that passes every call on to another; subclasses change the calls they are about. */
class ForwardingModel implements SourceModel {

    private final SourceModel model;

    ForwardingModel(SourceModel model) {
        this.model = model;
    }

    /**
     * The wrapped model. Signed-gradient steps are deliberately not forwarded to it: the interface's loop runs them
     * on this model's own {@link #lossGradient}, which a subclass may change; one that keeps the gradient's sign can
     * forward them itself.
     */
    final SourceModel delegate() {
        return model;
    }

    @Override
    public int numClasses() {
        return model.numClasses();
    }

    @Override
    public float[] logits(float[] images, int count) {
        return model.logits(images, count);
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        return model.lossGradient(images, labels);
    }

    @Override
    public float[] logitGradient(float[] images, float[] weights) {
        return model.logitGradient(images, weights);
    }

}
