package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.metric.Evaluation;
import org.transferlab.api.metric.Metric;
import org.transferlab.api.metric.MetricValue;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.io.Npy;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.EvaluateTask;
import org.transferlab.kernel.plan.TrainTask;
import org.transferlab.kernel.plugin.Metrics;

/** Runs one target on the clean and adversarial images of one attack task and computes every configured metric. */
final class EvaluateExecutor {

    static final String METRICS = "metrics.json";

    private final RunContext context;
    private final InferenceModels models;

    EvaluateExecutor(RunContext context, InferenceModels models) {
        this.context = context;
        this.models = models;
    }

    Map<String, Object> execute(EvaluateTask task, Path working) throws IOException {
        TrainTask target = context.trainTask(task.targetId());
        AttackTask attack = (AttackTask) context.graph().task(task.attackId()).orElseThrow();
        Path attackDirectory = context.directoryOf(attack);
        int[] indices = Npy.readInts(attackDirectory.resolve(AttackExecutor.INDICES)).values();
        float[] adversarial = Npy.readFloats(attackDirectory.resolve(AttackExecutor.ADVERSARIAL)).values();
        ImageSet images = context.datasets().split(attack.datasetAlias(), attack.split()).select(indices);
        float[] clean = images.toFloats();
        int n = images.count();
        PerturbationSizes sizes = BudgetCheck.verifyStored(attackDirectory.resolve(AttackExecutor.ADVERSARIAL),
                AttackExecutor.budgetOf(context, attack), clean, adversarial);

        Network network = models.get(target);
        int[] targetClean = models.predictShared(target, attack.datasetAlias() + "/" + attack.split(), indices, clean);
        int[] targetAdversarial = network.predict(adversarial, n, AttackExecutor.BATCH);

        Evaluation evaluation = EvaluationFiles.of(attackDirectory, targetClean, targetAdversarial, sizes.linf(),
                sizes.l2(), sizes.l0(),
                context.sharesClasses(context.trainTask(task.sourceId()), attack.datasetAlias()));
        if (!java.util.Arrays.equals(evaluation.labels(), images.labels())) {
            throw new IOException(attackDirectory.resolve(AttackExecutor.LABELS) + " does not hold the labels of the "
                    + "attacked images; delete " + attackDirectory + " and run again");
        }
        EvaluationFiles.write(evaluation, working);

        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metrics.create(context.plugins(), context.config().metrics())) {
            values.addAll(metric.compute(evaluation));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", task.id());
        result.put("target", task.targetId());
        result.put("source", task.sourceId());
        result.put("attack", attack.setting().label());
        result.put("repeat", task.repeat());
        result.put("images", n);
        result.put("metrics", values);
        ArtefactDirectory.writeJson(working.resolve(METRICS), result);
        return Map.of("metrics", values.size());
    }


}
