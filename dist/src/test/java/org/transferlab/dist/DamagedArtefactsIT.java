package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.dist.Launcher.Outcome;

/**
 * Every kind of stored artefact damaged in place, as a disk, a sync tool or a careless edit would: truncated,
 * overwritten with the same number of bytes, or one bit flipped. The next run names each damaged file, runs its task
 * and everything made from it again, and ends with the bytes of an uninterrupted run.
 */
class DamagedArtefactsIT {

    private static final String FINETUNED = "alexnet@outline+digits-n300-first8";
    /** One file of every kind, in every kind of task folder. */
    private static final List<String> FILES = List.of(
            "models/pretrain~alexnet@inverted/weights.npz",
            "models/finetune~" + FINETUNED + "/model.json",
            "adversarial/alexnet@outline~fgsm-eps0.1/adversarial.npy",
            "adversarial/alexnet@inverted~fgsm-eps0.1/labels.npy",
            "evaluations/" + FINETUNED + "~alexnet@outline~fgsm-eps0.1/target_adversarial.npy",
            "evaluations/" + FINETUNED + "~alexnet@inverted~fgsm-eps0.1/metrics.json",
            "comparisons/" + FINETUNED + "~fgsm-eps0.1/comparison.json");

    @TempDir
    Path folder;

    private enum Damage {
        TRUNCATED, SAME_SIZE_OVERWRITE, BIT_FLIP;

        void apply(Path file) throws Exception {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                long length = raf.length();
                switch (this) {
                    case TRUNCATED -> raf.setLength(length * 2 / 3);
                    case SAME_SIZE_OVERWRITE -> {
                        byte[] middle = new byte[(int) (length / 3)];
                        Arrays.fill(middle, (byte) 0x3f);
                        raf.seek(length / 3);
                        raf.write(middle);
                    }
                    case BIT_FLIP -> {
                        raf.seek(length / 2);
                        int value = raf.read();
                        raf.seek(length / 2);
                        raf.write(value ^ 0x04);
                    }
                }
            }
        }
    }

    /** @param round which damage each file gets: every file gets each of the three over the three rounds */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void theNextRunNamesEveryDamagedFileRecomputesWhatDependsOnItAndMatchesAnUninterruptedRun(int round)
            throws Exception {
        Path reference = ReferenceStudy.local();
        Path study = folder.resolve("study");
        TreeCopy.copy(reference.getParent().getParent(), study);
        Path run = ReferenceStudy.runDirectory(study);
        for (int i = 0; i < FILES.size(); i++) {
            Damage.values()[(round + i) % Damage.values().length].apply(run.resolve(FILES.get(i)));
        }

        Outcome repaired = Launcher.run(Launcher.built(), study, "run");

        assertEquals(0, repaired.exitCode(), repaired.output());
        for (String file : FILES) {
            assertTrue(repaired.output().contains("its stored artefacts are damaged: " + run.resolve(file)),
                    file + " is named:\n" + repaired.output());
        }
        assertTrue(repaired.output().contains("pretrain/alexnet@outline: cached"), repaired.output());
        assertEquals(7, repaired.output().lines().filter(line -> line.endsWith(": running")).count(),
                "every other task used a damaged file or what was made from one:\n" + repaired.output());
        StoredBytes.assertIdentical(reference, run);
        for (String file : FILES.stream().filter(file -> !file.endsWith("model.json")).toList()) {
            assertEquals(Files.mismatch(reference.resolve(file), run.resolve(file)), -1L, file + " is as it was");
        }
        Outcome again = Launcher.run(Launcher.built(), study, "run");
        assertEquals(0, again.exitCode(), again.output());
        assertFalse(again.output().contains(": running"), "the repaired artefacts are trusted again:\n" + again.output());
    }
}
