package org.transferlab.kernel.exec;

import java.util.SplittableRandom;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;

/**
 * Chooses a targeted attack's target class per image, the same way for every attack plugin, so that targets are
 * recorded and reproducible from the task's seed.
 */
final class AttackTargets {

    /**
     * Mixed into the task seed for the stream that draws random targets: a stream of its own, unrelated to the one the
     * attack receives, so that untargeted attacks draw exactly what they drew before targets existed.
     */
    private static final long TARGET_STREAM = 0x7461726765747321L;

    private AttackTargets() {
    }

    /** The stream that draws the random targets of the task with seed {@code seed}. */
    static SplittableRandom stream(long seed) {
        return new SplittableRandom(seed ^ TARGET_STREAM);
    }

    /**
     * One target per image of {@code images}: for {@link TargetMode#RANDOM} a class drawn uniformly from the source's
     * classes other than the attacked label; for {@link TargetMode#LEAST_LIKELY} the argmin of the source's clean logits
     * (the first on ties).
     */
    static int[] choose(TargetMode mode, SourceModel source, float[] images, int[] labels, SplittableRandom random) {
        int classes = source.numClasses();
        int[] targets = new int[labels.length];
        switch (mode) {
            case RANDOM -> {
                if (classes < 2) {
                    throw new IllegalStateException("a random target needs a source with two or more classes");
                }
                for (int n = 0; n < labels.length; n++) {
                    int k = random.nextInt(classes - 1);
                    targets[n] = k >= labels[n] ? k + 1 : k;
                }
            }
            case LEAST_LIKELY -> {
                float[] logits = source.logits(images, labels.length);
                for (int n = 0; n < labels.length; n++) {
                    for (int k = 1; k < classes; k++) {
                        if (logits[n * classes + k] < logits[n * classes + targets[n]]) {
                            targets[n] = k;
                        }
                    }
                }
            }
            case UNTARGETED -> throw new IllegalArgumentException("an untargeted attack has no targets");
        }
        return targets;
    }
}
