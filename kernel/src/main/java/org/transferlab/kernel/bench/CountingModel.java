package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.engine.Network;

/**
 * A network as an attack's source model, counting the images that pass through its gradients and logits. With
 * {@code stepsInGraph} false, signed-gradient steps run through the plugin API's Java loop instead of the network's
 * in-graph steps.
 */
public final class CountingModel implements SourceModel {

    private final Network network;
    private final boolean stepsInGraph;
    private long gradientImages;
    private long logitImages;

    public CountingModel(Network network, boolean stepsInGraph) {
        this.network = requireNonNull(network, "network is null");
        this.stepsInGraph = stepsInGraph;
    }

    /** Images through either gradient (one per image and step), since the last {@link #reset()}. */
    public long gradientImages() {
        return gradientImages;
    }

    /** Images whose logits were asked for, since the last {@link #reset()}. */
    public long logitImages() {
        return logitImages;
    }

    public void reset() {
        gradientImages = 0;
        logitImages = 0;
    }

    @Override
    public int numClasses() {
        return network.numClasses();
    }

    @Override
    public float[] logits(float[] images, int count) {
        logitImages += count;
        return network.logits(images, count);
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        gradientImages += labels.length;
        return network.lossGradient(images, labels);
    }

    @Override
    public float[] logitGradient(float[] images, float[] weights) {
        gradientImages += images.length / ImageSet.PIXELS;
        return network.logitGradient(images, weights);
    }

    @Override
    public float[] signedGradientSteps(float[] start, float[] clean, int[] labels, float stepSize, float epsilon,
                                       int steps) {
        if (!stepsInGraph) {
            return SourceModel.super.signedGradientSteps(start, clean, labels, stepSize, epsilon, steps);
        }
        gradientImages += (long) steps * labels.length;
        return network.signedGradientSteps(start, clean, labels, stepSize, epsilon, steps);
    }
}
