package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.Recipe.OptimizerKind;

/**
 * Long runs must not grow native memory: every tensor, result, session and graph is closed. Resident memory outside
 * the Java heap is sampled while a network trains, predicts and computes input gradients for thousands of steps
 * and while networks are built and closed again and again; after warm-up it must stay flat. A tensor left to the
 * garbage collector instead of being closed (200 KB per step here) would add hundreds of megabytes between
 * collections, so no collection is forced.
 */
class NativeMemoryTest {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long ALLOWED_GROWTH = 32L << 20;
    private static final int WARM_UP_ROUNDS = 3;

    @Test
    void residentMemoryStaysFlatOverThousandsOfStepsAndManyNetworks() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs Linux /proc to read resident memory");
        TwoLayerPerceptron model = new TwoLayerPerceptron(64, 10);
        ImageSet images = SyntheticImages.rowBands(64, 10, 5);
        float[] batch = images.toFloats();
        int[] labels = images.labels();
        List<Long> samples = new ArrayList<>();
        try (Network network = Network.forTraining(model, Weights.initialize(model, 1),
                new OptimizerSettings(OptimizerKind.ADAM, 0.9, 0), Set.of(), RuntimeOptions.cpu(1))) {
            for (int round = 0; round < 10; round++) {
                for (int step = 0; step < 300; step++) {
                    network.trainStep(batch, labels, 1e-3f);
                    network.lossGradient(batch, labels);
                    network.predict(batch, labels.length);
                }
                Weights snapshot = network.snapshot();
                try (Network inference = Network.forInference(model, snapshot, RuntimeOptions.cpu(1))) {
                    inference.logits(batch, labels.length);
                }
                samples.add(nativeResidentBytes());
            }
        }
        long afterWarmUp = samples.get(WARM_UP_ROUNDS);
        long last = samples.get(samples.size() - 1);
        assertTrue(last - afterWarmUp < ALLOWED_GROWTH, "resident memory outside the heap grew by "
                + ((last - afterWarmUp) >> 20) + " MiB after warm-up; samples (MiB): "
                + samples.stream().map(bytes -> bytes >> 20).toList());
    }

    /** Resident set size minus what the JVM has committed for its heap and non-heap pools. */
    private static long nativeResidentBytes() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long jvm = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return kilobytes * 1024 - jvm;
            }
        }
        throw new IOException("no VmRSS line in " + STATUS);
    }
}
