package org.transferlab.plugins.models;

import static org.transferlab.plugins.models.Layers.conv;
import static org.transferlab.plugins.models.Layers.convParameters;
import static org.transferlab.plugins.models.Layers.dense;
import static org.transferlab.plugins.models.Layers.denseParameters;
import static org.transferlab.plugins.models.Layers.flatten;
import static org.transferlab.plugins.models.Layers.maxPool;
import static org.transferlab.plugins.models.Layers.relu;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateDictEntry;
import org.transferlab.api.model.StateDictEntry.Layout;
import org.transferlab.plugins.models.Stages.Stage;

/**
 * AlexNet for 28×28 grayscale images: five 3×3 convolutions and three fully connected layers (SPEC §3). There is no
 * activation between conv3, conv4 and conv5.
 */
final class AlexNet implements Architecture {

    private final int numClasses;
    private final WeightInit init;

    AlexNet(int numClasses, WeightInit init) {
        this.numClasses = numClasses;
        this.init = init;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> parameters = new ArrayList<>();
        parameters.addAll(convParameters("conv1", 3, 1, 32, init));
        parameters.addAll(convParameters("conv2", 3, 32, 64, init));
        parameters.addAll(convParameters("conv3", 3, 64, 128, init));
        parameters.addAll(convParameters("conv4", 3, 128, 256, init));
        parameters.addAll(convParameters("conv5", 3, 256, 256, init));
        parameters.addAll(denseParameters("fc6", 256 * 3 * 3, 1024, init));
        parameters.addAll(denseParameters("fc7", 1024, 512, init));
        parameters.addAll(denseParameters("fc8", 512, numClasses, init));
        return List.copyOf(parameters);
    }

    @Override
    public List<String> headParameters() {
        return List.of("fc8.weight", "fc8.bias");
    }

    @Override
    public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        return STAGES.logits(graph, images, training);
    }

    /**
     * The original study's module: attributes {@code conv1} … {@code conv5}, {@code fc6} … {@code fc8}; its fc6 reads
     * conv5's [256, 3, 3] output flattened channels first.
     */
    @Override
    public List<StateDictEntry> stateDict() {
        List<StateDictEntry> entries = new ArrayList<>();
        for (String conv : List.of("conv1", "conv2", "conv3", "conv4", "conv5")) {
            entries.add(StateDictEntry.of(conv + ".weight", conv + ".weight", Layout.CONV_KERNEL));
            entries.add(StateDictEntry.same(conv + ".bias", conv + ".bias"));
        }
        entries.add(new StateDictEntry("fc6.weight", "fc6.weight", Layout.LINEAR_WEIGHT_FROM_NHWC,
                new long[] {3, 3, 256}));
        entries.add(StateDictEntry.same("fc6.bias", "fc6.bias"));
        for (String dense : List.of("fc7", "fc8")) {
            entries.add(StateDictEntry.of(dense + ".weight", dense + ".weight", Layout.LINEAR_WEIGHT));
            entries.add(StateDictEntry.same(dense + ".bias", dense + ".bias"));
        }
        return List.copyOf(entries);
    }

    /** After each convolution and each dense layer but fc8. */
    @Override
    public List<Cut> cuts() {
        return STAGES.cuts();
    }

    // SPEC §3 pools before the ReLU. ReLU is monotone, so it commutes with max pooling exactly, values and gradients
    // alike; ReLU first lets TensorFlow fuse convolution, bias and ReLU into one oneDNN kernel.
    private static final Stages STAGES = new Stages(List.of(
            new Stage("conv1", 2, new long[] {14, 14, 32},
                    (graph, x, training) -> maxPool(graph, relu(graph, conv(graph, x, "conv1", 1, 1)), 2)),
            new Stage("conv2", 4, new long[] {7, 7, 64},
                    (graph, x, training) -> maxPool(graph, relu(graph, conv(graph, x, "conv2", 1, 1)), 2)),
            new Stage("conv3", 6, new long[] {7, 7, 128}, (graph, x, training) -> conv(graph, x, "conv3", 1, 1)),
            new Stage("conv4", 8, new long[] {7, 7, 256}, (graph, x, training) -> conv(graph, x, "conv4", 1, 1)),
            new Stage("conv5", 10, new long[] {3, 3, 256},
                    (graph, x, training) -> maxPool(graph, relu(graph, conv(graph, x, "conv5", 1, 1)), 2)),
            new Stage("fc6", 12, new long[] {1024},
                    (graph, x, training) -> relu(graph, dense(graph, flatten(graph, x), "fc6"))),
            new Stage("fc7", 14, new long[] {512}, (graph, x, training) -> relu(graph, dense(graph, x, "fc7"))),
            new Stage("fc8", 16, null, (graph, x, training) -> dense(graph, x, "fc8"))));
}
