package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.config.RuntimeConfig;

/**
 * Where and how TensorFlow runs a {@link Network}.
 *
 * @param device   {@code auto} (a GPU when TensorFlow sees one, else the CPU), {@code cpu}, {@code gpu} or
 *                 {@code gpu:N}
 * @param threads    intra-op threads (those one op's kernel splits its work over); 0 lets TensorFlow choose
 * @param interOpThreads  threads that run independent ops at the same time; 0 lets TensorFlow choose
 * @param precision  {@link Precision#FLOAT32}, or mixed bfloat16 where the processor supports it (changes numerics)
 * @param xla        compile the graph with XLA (session-level auto-clustering; on a CPU TensorFlow also needs
 *                   {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit} in the environment). Changes numerics in the last
 *                   bits; off unless asked for
 */
public record RuntimeOptions(String device, int threads, int interOpThreads, Precision precision, boolean xla) {

    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu(?::([0-9]+))?");

    public RuntimeOptions {
        requireNonNull(device, "device is null");
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (TensorFlow chooses) or positive, got " + threads);
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException(
                    "inter-op threads must be 0 (TensorFlow chooses) or positive, got " + interOpThreads);
        }
        requireNonNull(precision, "precision is null");
    }

    /** float32 arithmetic. */
    public RuntimeOptions(String device, int threads) {
        this(device, threads, Precision.FLOAT32);
    }

    /** Without XLA. */
    public RuntimeOptions(String device, int threads, Precision precision) {
        this(device, threads, precision, false);
    }

    /** As many inter-op threads as intra-op threads. */
    public RuntimeOptions(String device, int threads, Precision precision, boolean xla) {
        this(device, threads, threads, precision, xla);
    }

    public static RuntimeOptions cpu(int threads) {
        return new RuntimeOptions("cpu", threads);
    }

    public static RuntimeOptions from(RuntimeConfig config) {
        requireNonNull(config, "config is null");
        return new RuntimeOptions(config.deviceOrDefault(), config.threadsOrDefault(), config.precisionOrDefault());
    }

    public RuntimeOptions withDevice(String otherDevice) {
        return new RuntimeOptions(otherDevice, threads, interOpThreads, precision, xla);
    }

    public RuntimeOptions withThreads(int otherThreads) {
        return new RuntimeOptions(device, otherThreads, interOpThreads, precision, xla);
    }

    public RuntimeOptions withInterOpThreads(int otherInterOpThreads) {
        return new RuntimeOptions(device, threads, otherInterOpThreads, precision, xla);
    }

    public boolean requiresGpu() {
        return device.startsWith("gpu");
    }

    public ConfigProto sessionConfig() {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(interOpThreads);
        if (precision == Precision.MIXED_BFLOAT16 || xla) {
            GraphOptions.Builder graph = GraphOptions.newBuilder();
            if (precision == Precision.MIXED_BFLOAT16) {
                graph.setRewriteOptions(RewriterConfig.newBuilder()
                        .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON));
            }
            if (xla) {
                graph.setOptimizerOptions(OptimizerOptions.newBuilder()
                        .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_2));
            }
            config.setGraphOptions(graph);
        }
        if (device.equals("cpu")) {
            config.putDeviceCount("GPU", 0);
        }
        Matcher gpu = DEVICE.matcher(device);
        if (gpu.matches() && requiresGpu()) {
            String index = gpu.group(1) == null ? "0" : gpu.group(1);
            config.setGpuOptions(GPUOptions.newBuilder().setVisibleDeviceList(index).setAllowGrowth(true).build());
        }
        return config.build();
    }
}
