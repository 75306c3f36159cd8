package org.transferlab.kernel.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.transferlab.api.model.Initializer;

/** Samples an {@link Initializer} in Java; StrictMath keeps the values identical on every platform. */
final class InitializerSampler {

    private InitializerSampler() {
    }

    static float[] sample(Initializer initializer, int size, SplittableRandom random) {
        float[] values = new float[size];
        if (initializer instanceof Initializer.HeNormal he) {
            fillNormal(values, StrictMath.sqrt(2.0 / he.fanIn()), random);
        } else if (initializer instanceof Initializer.Uniform uniform) {
            fillUniform(values, uniform.limit(), random);
        } else if (initializer instanceof Initializer.GlorotUniform glorot) {
            fillUniform(values, StrictMath.sqrt(6.0 / (glorot.fanIn() + glorot.fanOut())), random);
        } else if (initializer instanceof Initializer.Constant constant) {
            Arrays.fill(values, constant.value());
        } else {
            throw new IllegalArgumentException("unknown initializer " + initializer);
        }
        return values;
    }

    private static void fillUniform(float[] values, double limit, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (limit * (2 * random.nextDouble() - 1));
        }
    }

    /** Box–Muller, written out because {@code RandomGenerator.nextGaussian}'s algorithm may change between JDKs. */
    private static void fillNormal(float[] values, double standardDeviation, SplittableRandom random) {
        for (int i = 0; i < values.length; i += 2) {
            double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
            double angle = 2 * StrictMath.PI * random.nextDouble();
            values[i] = (float) (standardDeviation * radius * StrictMath.cos(angle));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (standardDeviation * radius * StrictMath.sin(angle));
            }
        }
    }
}
