package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.FeatureCaching;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.PyTorchStateDict;
import org.transferlab.kernel.config.HomePath;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.engine.TrainingResult;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.plan.TrainTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pre-trains or fine-tunes one model and stores its weights, history and test accuracy. */
final class TrainExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(TrainExecutor.class);

    static final String WEIGHTS = "weights.npz";
    static final String MODEL = "model.json";

    private final RunContext context;
    private final TrainingListener listener;

    TrainExecutor(RunContext context, TrainingListener listener) {
        this.context = context;
        this.listener = listener;
    }

    Map<String, Object> execute(TrainTask task, Path working) throws IOException {
        Architecture architecture = context.architectureOf(task);
        Recipe recipe = context.config().recipes().get(task.recipeName());
        ImageSet test = context.datasets().split(task.datasetAlias(), "test");
        String imported = context.config().models().get(task.modelAlias()).weights();
        if (imported != null && task.parentId().isEmpty()) {
            return importPretrained(task, architecture, HomePath.expand(imported), test, working);
        }
        ImageSet train = context.datasets().subset(task.datasetAlias(), "train", task.subset().orElse(null),
                task.subsetSeed(), task.nestedSubset());
        Weights initial;
        Set<String> frozen;
        if (task.parentId().isPresent()) {
            Weights parent = Weights.read(context.directoryOf(task.parentId().get()).resolve(WEIGHTS));
            initial = Weights.forFineTuning(architecture, parent, task.seed());
            frozen = Freezing.frozenParameters(task.freeze(),
                    architecture.parameters().stream().map(p -> p.name()).toList());
        } else {
            initial = Weights.initialize(architecture, task.seed());
            frozen = Set.of();
        }

        TrainingResult result;
        boolean adapts = task.adaptsFrozenBatchNorm();
        Optional<Cut> cut = FeatureCaching.choose(architecture, frozen, adapts, (long) train.count() + test.count());
        OptimizerSettings optimizer = OptimizerSettings.from(recipe);
        cut.ifPresent(c -> LOG.info("{}: training above the frozen prefix ({}) on features computed once per image",
                task.id(), c));
        try (Network network = cut.isPresent()
                ? Network.forTrainingAbove(cut.get(), architecture, initial, optimizer, frozen, context.runtime())
                : Network.forTraining(architecture, initial, optimizer, frozen, adapts, context.runtime())) {
            result = new Trainer(recipe, listener, context.cancellation()).train(network, train, test, task.seed());
        }
        result.weights().write(working.resolve(WEIGHTS));
        List<EpochRecord> history = result.history();
        EpochRecord last = history.get(history.size() - 1);
        Map<String, Object> model = modelJson(task);
        model.put("trainImages", train.count());
        model.put("frozen", frozen.stream().sorted().toList());
        model.put("frozenBatchnorm", adapts ? "adapt" : "inference");
        model.put("parent", task.parentId().orElse(null));
        model.put("history", history);
        ArtefactDirectory.writeJson(working.resolve(MODEL), model);
        return Map.of("testAccuracy", last.testAccuracy(), "loss", last.loss());
    }

    /** What model.json says of every trained or imported model: which task, model, dataset and architecture. */
    private Map<String, Object> modelJson(TrainTask task) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", task.id());
        model.put("kind", task.kind().label());
        model.put("model", task.modelAlias());
        model.put("dataset", task.datasetAlias());
        model.put("classes", context.datasets().numClasses(task.datasetAlias()));
        model.put("architecture", context.modelOf(task).toJson());
        return model;
    }

    /**
     * A pre-trained model given as a PyTorch state_dict ({@code weights:} on its model entry): converted, not trained,
     * and measured on the dataset's test split so that its accuracy is on record like a trained one's.
     */
    private Map<String, Object> importPretrained(TrainTask task, Architecture architecture, Path file, ImageSet test,
                                                 Path working) throws IOException {
        Weights weights = PyTorchStateDict.read(architecture, file);
        double accuracy = Double.NaN;
        if (test.count() > 0) {
            try (Network network = Network.forInference(architecture, weights, context.runtime())) {
                int[] predictions = network.predict(test, 256);
                long correct = 0;
                for (int i = 0; i < predictions.length; i++) {
                    correct += predictions[i] == test.labels()[i] ? 1 : 0;
                }
                accuracy = (double) correct / predictions.length;
            }
        }
        LOG.info("{}: imported from {} (test accuracy {})", task.id(), file, accuracy);
        weights.write(working.resolve(WEIGHTS));
        Map<String, Object> model = modelJson(task);
        model.put("importedFrom", file.toAbsolutePath().toString());
        model.put("testAccuracy", accuracy);
        model.put("history", List.of());
        ArtefactDirectory.writeJson(working.resolve(MODEL), model);
        return Map.of("testAccuracy", accuracy);
    }
}
