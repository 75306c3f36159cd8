package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transferlab.dist.Launcher.Outcome;

/**
 * The small study that the executor tests run in other ways, and its results from a plain local {@code run} with one
 * TensorFlow thread, computed once for all of them: two pre-trained alexnets, one fine-tuned, FGSM from both, eight
 * tasks. Whichever executor runs it with the same threads must store the same bytes.
 */
final class ReferenceStudy {

    static final String EXPERIMENT = "executors";
    static final String YAML = SyntheticStudy.yaml(EXPERIMENT, 11, "[300]", 200, "{ plugin: fgsm, eps: [0.1] }")
            .replace("output: out\n", "output: out\nruntime: { threads: 1 }\n");

    private static Path localRun;

    private ReferenceStudy() {
    }

    /** A folder holding the study's {@code experiments.yaml}, nothing run yet. */
    static Path write(Path folder, String yaml) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("experiments.yaml"), yaml);
        return folder;
    }

    static Path runDirectory(Path folder) {
        return folder.resolve("out").resolve(EXPERIMENT);
    }

    /** The run directory of the study run locally, run the first time it is asked for. */
    static synchronized Path local() throws Exception {
        if (localRun == null) {
            Path folder = write(Files.createTempDirectory("transferlab-reference-"), YAML);
            Outcome outcome = Launcher.run(Launcher.built(), folder, "run");
            assertEquals(0, outcome.exitCode(), outcome.output());
            localRun = runDirectory(folder);
        }
        return localRun;
    }

    /** results.csv, verdicts.csv and every stored weight and adversarial array, byte for byte as the local run's. */
    static void assertIdenticalToTheLocalRun(Path runDirectory) throws Exception {
        StoredBytes.assertIdentical(local(), runDirectory);
    }
}
