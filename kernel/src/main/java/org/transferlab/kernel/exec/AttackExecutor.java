package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.transferlab.api.PluginKind;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.TargetMode;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.AttackBlock.AttackLabels;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.data.StratifiedSubset;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.Seeds;
import org.transferlab.kernel.io.Npy;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.TrainTask;

/**
 * Crafts adversarial examples on one source model, batch by batch, checks every batch against the attack's budget, and
 * stores them as float32 {@code .npy} with the clean indices, labels, the source's predictions and a preview grid. A
 * targeted attack gets its targets from {@link AttackTargets}, and they are stored too.
 */
final class AttackExecutor {

    static final String ADVERSARIAL = "adversarial.npy";
    static final String INDICES = "clean_indices.npy";
    static final String LABELS = "labels.npy";
    static final String ATTACK_LABELS = "attack_labels.npy";
    /** Only for a targeted attack: the class each image was pushed toward. */
    static final String ATTACK_TARGETS = "attack_targets.npy";
    static final String SOURCE_CLEAN = "source_clean.npy";
    static final String SOURCE_ADVERSARIAL = "source_adversarial.npy";
    static final int BATCH = InferenceBatch.SIZE;

    private final RunContext context;
    private final InferenceModels models;

    AttackExecutor(RunContext context, InferenceModels models) {
        this.context = context;
        this.models = models;
    }

    /**
     * The images every attack of a repeat uses: the same seeded subset for all sources, so comparisons are paired; the
     * same in every repeat too, unless the file says {@code images: per-repeat}.
     */
    static int[] attackedIndices(RunContext context, String alias, String split, int samples, int repeat) {
        ImageSet images = context.datasets().split(alias, split);
        return StratifiedSubset.select(images.labels(), samples, attackedImagesSeed(context.config(), repeat));
    }

    /** The seed that draws the attacked images of {@code repeat}. */
    static long attackedImagesSeed(ExperimentConfig config, int repeat) {
        return config.attack().data().drawsPerRepeat()
                ? Seeds.derive(config.seed(), "attacked-images/r" + repeat)
                : config.seed();
    }

    /** The budget the attack of {@code task} promises, from its plugin and settings (not from what is stored). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Budget budgetOf(RunContext context, AttackTask task) {
        AttackProvider provider = (AttackProvider) context.plugins().find(PluginKind.ATTACK, task.setting().plugin())
                .orElseThrow();
        return provider.create(task.setting().options()).budget();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Object> execute(AttackTask task, Path working) throws IOException {
        TrainTask source = context.trainTask(task.sourceId());
        AttackProvider provider = (AttackProvider) context.plugins().find(PluginKind.ATTACK, task.setting().plugin()).orElseThrow();
        Attack attack = provider.create(task.setting().options());
        Budget budget = attack.budget();
        TargetMode targetMode = attack.targetMode();
        boolean targeted = targetMode != TargetMode.UNTARGETED;

        ImageSet all = context.datasets().split(task.datasetAlias(), task.split());
        int[] indices = attackedIndices(context, task.datasetAlias(), task.split(), task.samples(), task.repeat());
        ImageSet images = all.select(indices);
        int n = images.count();
        float[] clean = images.toFloats();
        float[] adversarial = new float[clean.length];
        int[] attackLabels = new int[n];
        int[] sourceAdversarial = new int[n];
        int[] attackTargets = targeted ? new int[n] : null;
        SplittableRandom random = new SplittableRandom(task.seed());
        SplittableRandom targetRandom = AttackTargets.stream(task.seed());

        // Every attack setting of this source attacks the same images: their clean predictions are computed once.
        int[] sourceClean = models.predictShared(source, task.datasetAlias() + "/" + task.split(), indices, clean);
        long started = System.nanoTime();
        Network network = models.get(source);
        for (int from = 0; from < n; from += BATCH) {
            context.cancellation().check();
            int to = Math.min(n, from + BATCH);
            float[] batch = Arrays.copyOfRange(clean, from * ImageSet.PIXELS, to * ImageSet.PIXELS);
            int[] predicted = Arrays.copyOfRange(sourceClean, from, to);
            int[] labels = task.labels() == AttackLabels.GROUND_TRUTH
                    ? Arrays.copyOfRange(images.labels(), from, to) : predicted;
            System.arraycopy(labels, 0, attackLabels, from, to - from);
            float[] crafted;
            if (targeted) {
                int[] targets = AttackTargets.choose(targetMode, network, batch, labels, targetRandom);
                System.arraycopy(targets, 0, attackTargets, from, to - from);
                crafted = attack.perturbToward(network, batch, targets, random.split());
            } else {
                crafted = attack.perturb(network, batch, labels, random.split());
            }
            BudgetCheck.verify(task.setting().label(), budget, batch, crafted, from);
            System.arraycopy(crafted, 0, adversarial, from * ImageSet.PIXELS, crafted.length);
            System.arraycopy(network.predict(crafted, to - from), 0, sourceAdversarial, from, to - from);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        ArtefactDirectory.writeAtomically(working.resolve(ADVERSARIAL), Npy.encode(adversarial, n, ImageSet.SIDE, ImageSet.SIDE, 1));
        ArtefactDirectory.writeAtomically(working.resolve(INDICES), Npy.encode(indices, n));
        ArtefactDirectory.writeAtomically(working.resolve(LABELS), Npy.encode(images.labels(), n));
        ArtefactDirectory.writeAtomically(working.resolve(ATTACK_LABELS), Npy.encode(attackLabels, n));
        if (targeted) {
            ArtefactDirectory.writeAtomically(working.resolve(ATTACK_TARGETS), Npy.encode(attackTargets, n));
        }
        ArtefactDirectory.writeAtomically(working.resolve(SOURCE_CLEAN), Npy.encode(sourceClean, n));
        ArtefactDirectory.writeAtomically(working.resolve(SOURCE_ADVERSARIAL), Npy.encode(sourceAdversarial, n));
        PreviewGrid.write(working.resolve("preview.png"), clean, adversarial, Math.min(n, 8));

        int fooled = 0;
        int hit = 0;
        for (int i = 0; i < n; i++) {
            fooled += sourceAdversarial[i] != attackLabels[i] ? 1 : 0;
            hit += targeted && sourceAdversarial[i] == attackTargets[i] ? 1 : 0;
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", task.id());
        meta.put("source", task.sourceId());
        meta.put("attack", task.setting().plugin());
        meta.put("options", task.setting().options());
        meta.put("budget", budget);
        meta.put("dataset", task.datasetAlias());
        meta.put("split", task.split());
        meta.put("labels", spelling(task.labels()));
        if (targeted) {
            meta.put("target", spelling(targetMode));
        }
        meta.put("seed", task.seed());
        meta.put("images", n);
        meta.put("sourceFoolingRate", (double) fooled / n);
        if (targeted) {
            meta.put("sourceTargetHitRate", (double) hit / n);
        }
        meta.put("seconds", seconds);
        meta.put("imagesPerSecond", n / seconds);
        ArtefactDirectory.writeJson(working.resolve("meta.json"), meta);
        if (!targeted) {
            return Map.of("images", n, "sourceFoolingRate", (double) fooled / n, "imagesPerSecond", n / seconds);
        }
        return Map.of("images", n, "sourceFoolingRate", (double) fooled / n, "sourceTargetHitRate", (double) hit / n,
                "imagesPerSecond", n / seconds);
    }

    /** An enum constant as the experiment file writes it: {@code least-likely}. */
    private static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase().replace('_', '-');
    }

}
