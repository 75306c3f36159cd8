package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.kernel.io.Npy;

/**
 * An {@link Evaluation} kept per image: what an attack task stored (labels, the source's predictions, targets) and what
 * its evaluation added (the target's predictions and the perturbation norms), so that comparisons and reports can pair
 * sources image by image without running a model again.
 */
final class EvaluationFiles {

    static final String TARGET_CLEAN = "target_clean.npy";
    static final String TARGET_ADVERSARIAL = "target_adversarial.npy";
    static final String LINF = "perturbation_linf.npy";
    static final String L2 = "perturbation_l2.npy";
    static final String L0 = "perturbation_l0.npy";

    private EvaluationFiles() {
    }

    /** Writes the target's share of {@code evaluation} into an evaluation task's directory. */
    static void write(Evaluation evaluation, Path directory) throws IOException {
        int n = evaluation.size();
        ArtefactDirectory.writeAtomically(directory.resolve(TARGET_CLEAN), Npy.encode(evaluation.targetClean(), n));
        ArtefactDirectory.writeAtomically(directory.resolve(TARGET_ADVERSARIAL), Npy.encode(evaluation.targetAdversarial(), n));
        ArtefactDirectory.writeAtomically(directory.resolve(LINF), Npy.encode(evaluation.linf(), n));
        ArtefactDirectory.writeAtomically(directory.resolve(L2), Npy.encode(evaluation.l2(), n));
        ArtefactDirectory.writeAtomically(directory.resolve(L0), Npy.encode(evaluation.l0(), n));
    }

    /** The attack task's per-image files with the target's predictions on them. */
    static Evaluation of(Path attackDirectory, int[] targetClean, int[] targetAdversarial, float[] linf, float[] l2,
            int[] l0, boolean sourceSharesClasses) throws IOException {
        Path targets = attackDirectory.resolve(AttackExecutor.ATTACK_TARGETS);
        return new Evaluation(
                ints(attackDirectory.resolve(AttackExecutor.LABELS)),
                ints(attackDirectory.resolve(AttackExecutor.ATTACK_LABELS)),
                targetClean, targetAdversarial,
                ints(attackDirectory.resolve(AttackExecutor.SOURCE_CLEAN)),
                ints(attackDirectory.resolve(AttackExecutor.SOURCE_ADVERSARIAL)),
                linf, l2, l0,
                Files.exists(targets) ? ints(targets) : null,
                sourceSharesClasses);
    }

    /** Reads back what {@link #write} and the attack task stored. */
    static Evaluation read(Path attackDirectory, Path evaluationDirectory, boolean sourceSharesClasses)
            throws IOException {
        return of(attackDirectory,
                ints(evaluationDirectory.resolve(TARGET_CLEAN)),
                ints(evaluationDirectory.resolve(TARGET_ADVERSARIAL)),
                Npy.readFloats(evaluationDirectory.resolve(LINF)).values(),
                Npy.readFloats(evaluationDirectory.resolve(L2)).values(),
                ints(evaluationDirectory.resolve(L0)),
                sourceSharesClasses);
    }

    private static int[] ints(Path file) throws IOException {
        return Npy.readInts(file).values();
    }
}
