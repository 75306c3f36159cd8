package org.transferlab.kernel.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.StateDictEntry;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.io.AtomicFiles;
import org.transferlab.kernel.io.Npy;

/**
 * A model's weights as the PyTorch {@code state_dict} its {@link Architecture#stateDict()} describes, saved through
 * NumPy ({@code numpy.savez(path, **{k: v.numpy() for k, v in state_dict.items()})}): written for export, read for
 * import, with every layout converted (HWIO kernels to OIHW, [in, out] dense weights to [out, in], channels-last
 * flatten order to channels-first).
 */
public final class PyTorchStateDict {

    private PyTorchStateDict() {
    }

    /** @throws IllegalArgumentException when the architecture describes no state_dict */
    public static void write(Architecture architecture, Weights weights, Path file) throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        for (StateDictEntry entry : entries(architecture)) {
            arrays.put(entry.key(), entry.layout() == StateDictEntry.Layout.BATCHES_TRACKED
                    ? Npy.encode(new long[] {0})
                    : encode(entry, weights.get(entry.tensor())));
        }
        AtomicFiles.write(file, (OutputStream out) -> NpzArchive.writeArrays(out, arrays));
    }

    /**
     * The weights a state_dict file holds for {@code architecture}. Like {@code load_state_dict(strict=True)} it needs
     * every key and no other, each of the module's shape; {@code num_batches_tracked} is read and ignored.
     *
     * @throws IOException when the file is unreadable or does not fit, naming every key that does not
     */
    public static Weights read(Architecture architecture, Path file) throws IOException {
        List<StateDictEntry> entries = entries(architecture);
        Map<String, byte[]> arrays = NpzArchive.readArrays(file);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        architecture.parameters().forEach(p -> shapes.put(p.name(), p.shape()));
        for (StateSpec state : architecture.state()) {
            shapes.put(state.name(), state.shape());
        }
        List<String> problems = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        for (StateDictEntry entry : entries) {
            expected.add(entry.key());
            byte[] npy = arrays.get(entry.key());
            if (npy == null) {
                if (entry.layout() != StateDictEntry.Layout.BATCHES_TRACKED) {
                    problems.add("missing key " + entry.key());
                }
                continue;
            }
            if (entry.layout() == StateDictEntry.Layout.BATCHES_TRACKED) {
                continue;
            }
            try {
                String descr = Npy.descr(npy);
                if (!descr.equals("<f4")) {
                    problems.add(entry.key() + " has dtype " + descr + ", not float32 (save the state_dict with "
                            + "v.float().numpy())");
                    continue;
                }
                Npy.FloatArray array = Npy.decodeFloats(npy);
                long[] shape = shapes.get(entry.tensor());
                long[] expectedShape = torchShape(entry, shape);
                if (!Arrays.equals(array.shape(), expectedShape)) {
                    problems.add(entry.key() + " has shape " + Npy.tuple(array.shape()) + ", the module's is "
                            + Npy.tuple(expectedShape));
                    continue;
                }
                tensors.put(entry.tensor(), new WeightTensor(shape, decode(entry, array.values(), shape)));
            } catch (Npy.FormatException e) {
                problems.add(entry.key() + " " + e.getMessage());
            }
        }
        for (String key : arrays.keySet()) {
            if (!expected.contains(key)) {
                problems.add("unexpected key " + key);
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + " is not a state_dict of this model: " + String.join("; ", problems));
        }
        return new Weights(tensors);
    }

    private static List<StateDictEntry> entries(Architecture architecture) {
        List<StateDictEntry> entries = architecture.stateDict();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("this model describes no PyTorch state_dict");
        }
        return entries;
    }

    /** The shape PyTorch gives a tensor of shape {@code shape} here. */
    static long[] torchShape(StateDictEntry entry, long[] shape) {
        return switch (entry.layout()) {
            case SAME -> shape.clone();
            case CONV_KERNEL -> new long[] {shape[3], shape[2], shape[0], shape[1]};
            case LINEAR_WEIGHT, LINEAR_WEIGHT_FROM_NHWC -> new long[] {shape[1], shape[0]};
            case CONV1D_WEIGHT -> new long[] {shape[1], shape[0], 1};
            case BATCHES_TRACKED -> new long[0];
        };
    }

    private static byte[] encode(StateDictEntry entry, WeightTensor tensor) {
        float[] values = tensor.values();
        int[] order = torchOrder(entry, tensor.shape());
        float[] torch = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            torch[order[k]] = values[k];
        }
        return Npy.encode(torch, torchShape(entry, tensor.shape()));
    }

    private static float[] decode(StateDictEntry entry, float[] torch, long[] shape) {
        int[] order = torchOrder(entry, shape);
        float[] values = new float[torch.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = torch[order[k]];
        }
        return values;
    }

    /**
     * Every layout change is a permutation of the values: for each flat index of a tensor of {@code shape} here, the
     * flat index of the same value in PyTorch's layout.
     */
    static int[] torchOrder(StateDictEntry entry, long[] shape) {
        int size = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
        int[] order = new int[size];
        switch (entry.layout()) {
            case SAME -> Arrays.setAll(order, k -> k);
            case CONV_KERNEL -> {
                int kh = (int) shape[0];
                int kw = (int) shape[1];
                int in = (int) shape[2];
                int out = (int) shape[3];
                for (int k = 0; k < size; k++) {
                    int o = k % out;
                    int i = k / out % in;
                    int x = k / (out * in) % kw;
                    int y = k / (out * in * kw);
                    order[k] = ((o * in + i) * kh + y) * kw + x;
                }
            }
            case LINEAR_WEIGHT, CONV1D_WEIGHT, LINEAR_WEIGHT_FROM_NHWC -> {
                int rows = (int) shape[0];
                int columns = (int) shape[1];
                int[] row = entry.layout() == StateDictEntry.Layout.LINEAR_WEIGHT_FROM_NHWC
                        ? channelsFirstOrder(entry.flattenedFrom()) : null;
                for (int k = 0; k < size; k++) {
                    int r = k / columns;
                    order[k] = (k % columns) * rows + (row == null ? r : row[r]);
                }
            }
            case BATCHES_TRACKED -> throw new IllegalStateException("num_batches_tracked has no tensor here");
        }
        return order;
    }

    /** For each channels-last flat index (h, w, c), the channels-first flat index (c, h, w) of the same value. */
    private static int[] channelsFirstOrder(long[] hwc) {
        int height = (int) hwc[0];
        int width = (int) hwc[1];
        int channels = (int) hwc[2];
        int[] order = new int[height * width * channels];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                for (int c = 0; c < channels; c++) {
                    order[(h * width + w) * channels + c] = (c * height + h) * width + w;
                }
            }
        }
        return order;
    }
}
