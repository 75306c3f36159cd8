package org.transferlab.plugins.attacks;

/** The signed-gradient step and the projections that every L∞ attack of the FGSM family shares. */
final class LinfStep {

    private LinfStep() {
    }

    /** {@code adversarial += stepSize * sign(gradient)}, in place. A zero gradient component leaves the pixel alone. */
    static void ascend(float[] adversarial, float[] gradient, float stepSize) {
        for (int i = 0; i < adversarial.length; i++) {
            adversarial[i] += stepSize * Math.signum(gradient[i]);
        }
    }

    /** {@code adversarial += stepSize * sign(direction)}, in place, for a direction kept in double precision. */
    static void ascend(float[] adversarial, double[] direction, float stepSize) {
        for (int i = 0; i < adversarial.length; i++) {
            adversarial[i] += stepSize * (float) Math.signum(direction[i]);
        }
    }

    /** Projects onto the ε-ball around {@code clean} intersected with the image box [0,1], in place. */
    static void project(float[] adversarial, float[] clean, float epsilon) {
        for (int i = 0; i < adversarial.length; i++) {
            float low = Math.max(0f, clean[i] - epsilon);
            float high = Math.min(1f, clean[i] + epsilon);
            adversarial[i] = Math.min(high, Math.max(low, adversarial[i]));
        }
    }
}
