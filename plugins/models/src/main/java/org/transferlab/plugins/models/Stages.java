package org.transferlab.plugins.models;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ModelGraph;

/**
 * A forward pass written as a sequence of stages, each reading the parameters that follow those of the stages before
 * it. The logits are the stages applied in turn, and every boundary between two stages is a {@link Cut}, so a cut's
 * prefix and suffix are the very same ops as the whole pass.
 */
final class Stages {

    /** One stage: its function, how many parameters the stages up to and including it own, and its output shape. */
    record Stage(String name, int parametersThrough, long[] output, Layer layer) {
    }

    @FunctionalInterface
    interface Layer {
        Operand<TFloat32> apply(ModelGraph graph, Operand<TFloat32> x, boolean training);
    }

    private final List<Stage> stages;

    Stages(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        return run(graph, images, 0, stages.size(), training);
    }

    /** A cut after each stage but the last. */
    List<Cut> cuts() {
        List<Cut> cuts = new ArrayList<>();
        for (int i = 0; i < stages.size() - 1; i++) {
            int boundary = i + 1;
            Stage last = stages.get(i);
            cuts.add(new Cut() {
                @Override
                public int prefixParameters() {
                    return last.parametersThrough();
                }

                @Override
                public long[] featureShape() {
                    return last.output().clone();
                }

                @Override
                public Operand<TFloat32> prefix(ModelGraph graph, Operand<TFloat32> images) {
                    return run(graph, images, 0, boundary, false);
                }

                @Override
                public Operand<TFloat32> suffix(ModelGraph graph, Operand<TFloat32> features, boolean training) {
                    return run(graph, features, boundary, stages.size(), training);
                }

                @Override
                public String toString() {
                    return "after " + last.name();
                }
            });
        }
        return List.copyOf(cuts);
    }

    private Operand<TFloat32> run(ModelGraph graph, Operand<TFloat32> x, int from, int to, boolean training) {
        for (int i = from; i < to; i++) {
            x = stages.get(i).layer().apply(graph, x, training);
        }
        return x;
    }
}
