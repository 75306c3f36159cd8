package org.transferlab.kernel.exec;

import java.io.IOException;
import java.util.Arrays;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.plan.TrainTask;

/**
 * Keeps the most recently used trained model open for inference. The plan orders attacks by source and evaluations by
 * target, so consecutive tasks mostly reuse the same graph instead of rebuilding it and re-reading its weights.
 */
final class InferenceModels implements AutoCloseable {

    private final RunContext context;
    private String openId;
    private Network open;
    private String predictedSplit;
    private int[] predictedIndices;
    private int[] predictions;

    InferenceModels(RunContext context) {
        this.context = context;
    }

    /** The trained model of {@code task}; owned by this cache, so callers must not close it. */
    Network get(TrainTask task) throws IOException {
        if (task.id().equals(openId)) {
            return open;
        }
        close();
        Weights weights = Weights.read(context.directoryOf(task).resolve(TrainExecutor.WEIGHTS));
        open = Network.forInference(context.architectureOf(task), weights, context.runtime());
        openId = task.id();
        return open;
    }

    /**
     * The predictions of {@code task}'s model on a set of images that several tasks share (the clean attacked images,
     * evaluated once per target rather than once per attack), remembered while that model stays open.
     *
     * @param split    the dataset alias and split the images come from
     * @param indices  which images of that split, in order
     */
    int[] predictShared(TrainTask task, String split, int[] indices, float[] images) throws IOException {
        Network network = get(task);
        if (!split.equals(predictedSplit) || !Arrays.equals(indices, predictedIndices)) {
            predictions = network.predict(images, indices.length, AttackExecutor.BATCH);
            predictedSplit = split;
            predictedIndices = indices.clone();
        }
        return predictions.clone();
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
            openId = null;
        }
        predictedSplit = null;
        predictedIndices = null;
        predictions = null;
    }
}
