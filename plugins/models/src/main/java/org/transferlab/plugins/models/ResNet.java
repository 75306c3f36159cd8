package org.transferlab.plugins.models;

import static org.transferlab.plugins.models.Layers.batchNorm;
import static org.transferlab.plugins.models.Layers.batchNormParameters;
import static org.transferlab.plugins.models.Layers.batchNormState;
import static org.transferlab.plugins.models.Layers.conv;
import static org.transferlab.plugins.models.Layers.convParameters;
import static org.transferlab.plugins.models.Layers.convParametersWithoutBias;
import static org.transferlab.plugins.models.Layers.convWithoutBias;
import static org.transferlab.plugins.models.Layers.dense;
import static org.transferlab.plugins.models.Layers.denseParameters;
import static org.transferlab.plugins.models.Layers.globalAveragePool;
import static org.transferlab.plugins.models.Layers.maxPoolSame;
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
import org.transferlab.api.model.StateSpec;
import org.transferlab.plugins.models.Stages.Stage;

/**
 * A small ResNet for 28×28 grayscale images (SPEC §3): a stem (conv, BatchNorm, ReLU, 3×3 max pool), three basic
 * blocks with 16, 32 and 64 channels, global average pooling and a linear classifier. BatchNorm moving statistics are
 * state.
 */
final class ResNet implements Architecture {

    private static final int STEM_CHANNELS = 16;

    /** A basic block; it has a convolutional shortcut when it changes the shape. */
    private record Block(String name, int in, int out, int stride) {

        boolean hasShortcut() {
            return stride != 1 || in != out;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            new Block("block1", 16, 16, 1),     // 28×28
            new Block("block2", 16, 32, 2),     // 14×14
            new Block("block3", 32, 64, 2));    // 7×7

    private final int numClasses;
    private final WeightInit init;

    ResNet(int numClasses, WeightInit init) {
        this.numClasses = numClasses;
        this.init = init;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> parameters = new ArrayList<>();
        parameters.addAll(convParameters("stem.conv", 3, 1, STEM_CHANNELS, init));
        parameters.addAll(batchNormParameters("stem.bn", STEM_CHANNELS));
        for (Block block : BLOCKS) {
            String b = block.name();
            parameters.addAll(convParametersWithoutBias(b + ".conv1", 3, block.in(), block.out(), init));
            parameters.addAll(batchNormParameters(b + ".bn1", block.out()));
            parameters.addAll(convParametersWithoutBias(b + ".conv2", 3, block.out(), block.out(), init));
            parameters.addAll(batchNormParameters(b + ".bn2", block.out()));
            if (block.hasShortcut()) {
                parameters.addAll(convParameters(b + ".shortcut.conv", 3, block.in(), block.out(), init));
                parameters.addAll(batchNormParameters(b + ".shortcut.bn", block.out()));
            }
        }
        parameters.addAll(denseParameters("fc", BLOCKS.get(BLOCKS.size() - 1).out(), numClasses, init));
        return List.copyOf(parameters);
    }

    /** The moving statistics of every BatchNorm, in the order the layers appear in {@link #parameters()}. */
    @Override
    public List<StateSpec> state() {
        List<StateSpec> state = new ArrayList<>(batchNormState("stem.bn", STEM_CHANNELS));
        for (Block block : BLOCKS) {
            state.addAll(batchNormState(block.name() + ".bn1", block.out()));
            state.addAll(batchNormState(block.name() + ".bn2", block.out()));
            if (block.hasShortcut()) {
                state.addAll(batchNormState(block.name() + ".shortcut.bn", block.out()));
            }
        }
        return List.copyOf(state);
    }

    @Override
    public List<String> headParameters() {
        return List.of("fc.weight", "fc.bias");
    }

    @Override
    public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
        return STAGES.logits(graph, images, training);
    }

    /**
     * The original study's module: the stem {@code conv1 = Sequential(Conv2d, BatchNorm2d, ReLU)}; each block
     * {@code blockK = Sequential(Basicblock)} with {@code conv1 = Sequential(Conv2d(bias=False), BatchNorm2d, ReLU)},
     * {@code conv2 = Sequential(Conv2d(bias=False), BatchNorm2d)} and, where the shape changes,
     * {@code shortcut = Sequential(Conv2d, BatchNorm2d)}; the head {@code outlayer}.
     */
    @Override
    public List<StateDictEntry> stateDict() {
        List<StateDictEntry> entries = new ArrayList<>();
        entries.add(StateDictEntry.of("conv1.0.weight", "stem.conv.weight", Layout.CONV_KERNEL));
        entries.add(StateDictEntry.same("conv1.0.bias", "stem.conv.bias"));
        addBatchNorm(entries, "conv1.1", "stem.bn");
        for (Block block : BLOCKS) {
            String key = block.name() + ".0.";
            String b = block.name() + ".";
            entries.add(StateDictEntry.of(key + "conv1.0.weight", b + "conv1.weight", Layout.CONV_KERNEL));
            addBatchNorm(entries, key + "conv1.1", b + "bn1");
            entries.add(StateDictEntry.of(key + "conv2.0.weight", b + "conv2.weight", Layout.CONV_KERNEL));
            addBatchNorm(entries, key + "conv2.1", b + "bn2");
            if (block.hasShortcut()) {
                entries.add(StateDictEntry.of(key + "shortcut.0.weight", b + "shortcut.conv.weight",
                        Layout.CONV_KERNEL));
                entries.add(StateDictEntry.same(key + "shortcut.0.bias", b + "shortcut.conv.bias"));
                addBatchNorm(entries, key + "shortcut.1", b + "shortcut.bn");
            }
        }
        entries.add(StateDictEntry.of("outlayer.weight", "fc.weight", Layout.LINEAR_WEIGHT));
        entries.add(StateDictEntry.same("outlayer.bias", "fc.bias"));
        return List.copyOf(entries);
    }

    /** BatchNorm2d's five entries, in the order PyTorch lists them. */
    private static void addBatchNorm(List<StateDictEntry> entries, String key, String name) {
        entries.add(StateDictEntry.same(key + ".weight", name + ".gamma"));
        entries.add(StateDictEntry.same(key + ".bias", name + ".beta"));
        entries.add(StateDictEntry.same(key + ".running_mean", name + ".moving_mean"));
        entries.add(StateDictEntry.same(key + ".running_var", name + ".moving_variance"));
        entries.add(StateDictEntry.batchesTracked(key + ".num_batches_tracked"));
    }

    /** After the stem, after each block, and after global average pooling. */
    @Override
    public List<Cut> cuts() {
        return STAGES.cuts();
    }

    private static final Stages STAGES = stages();

    private static Stages stages() {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("stem", 4, new long[] {28, 28, STEM_CHANNELS}, (graph, x, training) -> maxPoolSame(graph,
                relu(graph, batchNorm(graph, conv(graph, x, "stem.conv", 1, 1), "stem.bn", training)), 3)));
        int parameters = 4;
        long side = 28;
        for (Block block : BLOCKS) {
            parameters += block.hasShortcut() ? 10 : 6;
            side /= block.stride();
            stages.add(new Stage(block.name(), parameters, new long[] {side, side, block.out()},
                    (graph, x, training) -> basicBlock(graph, x, block, training)));
        }
        int channels = BLOCKS.get(BLOCKS.size() - 1).out();
        stages.add(new Stage("pool", parameters, new long[] {channels},
                (graph, x, training) -> globalAveragePool(graph, x)));
        stages.add(new Stage("fc", parameters + 2, null, (graph, x, training) -> dense(graph, x, "fc")));
        return new Stages(stages);
    }

    /** conv → BN → ReLU → conv → BN, plus the shortcut; then ReLU. */
    private static Operand<TFloat32> basicBlock(ModelGraph graph, Operand<TFloat32> x, Block block, boolean training) {
        String b = block.name();
        Operand<TFloat32> y = convWithoutBias(graph, x, b + ".conv1", block.stride(), 1);
        y = relu(graph, batchNorm(graph, y, b + ".bn1", training));
        y = batchNorm(graph, convWithoutBias(graph, y, b + ".conv2", 1, 1), b + ".bn2", training);
        Operand<TFloat32> shortcut = x;
        if (block.hasShortcut()) {
            shortcut = batchNorm(graph, conv(graph, x, b + ".shortcut.conv", block.stride(), 1),
                    b + ".shortcut.bn", training);
        }
        return relu(graph, graph.tf().math.add(y, shortcut));
    }
}
