package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.api.data.ImageSet;

class AttackTargetsTest {

    /** A source with fixed logits per image, whatever the pixels; only {@link #logits} may be called. */
    private record FixedLogits(int numClasses, float[] rows) implements SourceModel {

        @Override
        public float[] logits(float[] images, int count) {
            assertEquals(count * ImageSet.PIXELS, images.length);
            return rows.clone();
        }

        @Override
        public float[] lossGradient(float[] images, int[] labels) {
            throw new AssertionError("choosing targets takes no gradient");
        }

        @Override
        public float[] logitGradient(float[] images, float[] weights) {
            throw new AssertionError("choosing targets takes no gradient");
        }
    }

    @Test
    void randomTargetsNeverEqualTheAttackLabelAndCoverTheOtherClassesUniformly() {
        int classes = 10;
        int perLabel = 900;
        int[] labels = new int[classes * perLabel];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = n % classes;
        }
        SourceModel source = new FixedLogits(classes, null);
        int[] targets = AttackTargets.choose(TargetMode.RANDOM, source, new float[labels.length * ImageSet.PIXELS],
                labels, AttackTargets.stream(7));
        int[][] counts = new int[classes][classes];
        for (int n = 0; n < labels.length; n++) {
            assertNotEquals(labels[n], targets[n], "image " + n);
            counts[labels[n]][targets[n]]++;
        }
        for (int label = 0; label < classes; label++) {
            for (int target = 0; target < classes; target++) {
                if (target != label) {
                    // 100 expected per pair; a uniform draw stays within ±40 with overwhelming probability (4σ).
                    assertTrue(Math.abs(counts[label][target] - perLabel / (classes - 1)) <= 40,
                            label + " → " + target + ": " + counts[label][target]);
                }
            }
        }
    }

    @Test
    void randomTargetsAreReproducibleFromTheSeedAndDrawnFromAStreamOfTheirOwn() {
        int[] labels = new int[64];
        SourceModel source = new FixedLogits(10, null);
        float[] images = new float[labels.length * ImageSet.PIXELS];
        assertArrayEquals(AttackTargets.choose(TargetMode.RANDOM, source, images, labels, AttackTargets.stream(3)),
                AttackTargets.choose(TargetMode.RANDOM, source, images, labels, AttackTargets.stream(3)));
        // The attack's stream is new SplittableRandom(seed), split once per batch: the target stream is none of these.
        SplittableRandom attack = new SplittableRandom(3);
        long targetDraw = AttackTargets.stream(3).nextLong();
        assertNotEquals(new SplittableRandom(3).nextLong(), targetDraw);
        for (int batch = 0; batch < 4; batch++) {
            assertNotEquals(attack.split().nextLong(), targetDraw);
        }
    }

    @Test
    void leastLikelyTargetsAreTheArgminOfTheSourcesCleanLogits() {
        float[] logits = {
            0.5f, -2f, 3f, 1f,
            -1f, 0f, 2f, -4f,
            7f, 7f, 7f, 7f,
            1f, 2f, -3f, -3f,
        };
        int[] labels = {2, 2, 0, 1};
        int[] targets = AttackTargets.choose(TargetMode.LEAST_LIKELY, new FixedLogits(4, logits),
                new float[4 * ImageSet.PIXELS], labels, new SplittableRandom(0));
        assertArrayEquals(new int[] {1, 3, 0, 2}, targets, "ties go to the first class, as predictions do");
    }

    @Test
    void aRandomTargetNeedsTwoClasses() {
        assertThrows(IllegalStateException.class, () -> AttackTargets.choose(TargetMode.RANDOM,
                new FixedLogits(1, null), new float[ImageSet.PIXELS], new int[1], new SplittableRandom(0)));
    }
}
