package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferlab.api.ApiVersion;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.engine.TensorFlowRuntime.Device;
import org.transferlab.kernel.engine.TensorFlowRuntime.NativeBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Prints the TensorFlow version, the native build loaded, the devices TensorFlow sees for a "
                + "runtime setting, thread settings and the environment variables that change TensorFlow's behaviour.")
final class DoctorCommand implements Callable<Integer> {

    private static final List<String> TENSORFLOW_VARIABLES = List.of("TF_XLA_FLAGS", "TF_ENABLE_ONEDNN_OPTS",
            "TF_CPP_MIN_LOG_LEVEL", "OMP_NUM_THREADS", "CUDA_VISIBLE_DEVICES", "LD_LIBRARY_PATH");

    @Option(names = "--device", defaultValue = "auto",
            description = "auto, cpu, gpu or gpu:N, as runtime.device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0",
            description = "As runtime.threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuntimeOptions runtime;
        try {
            runtime = new RuntimeOptions(device, threads);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("transferlab     %s (plugin API %s)%n", VersionProvider.kernelVersion(), ApiVersion.CURRENT);
        out.printf("java            %s (%s), max heap %d MiB%n", System.getProperty("java.version"),
                System.getProperty("java.vendor"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("os              %s %s (%s), %d processors%n", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        out.printf("tensorflow      %s%n", TensorFlowRuntime.version());
        List<NativeBuild> builds = TensorFlowRuntime.nativeBuilds();
        if (builds.isEmpty()) {
            out.println("natives         none found on the class path");
        }
        for (NativeBuild build : builds) {
            out.printf("natives         %s, %s%n                from %s%n", build.platform(), build.description(),
                    build.source());
        }
        out.printf("threads         intra-op %s, inter-op %s%n", threadText(), threadText());
        out.printf("devices         for runtime.device %s:%n", device);
        int gpus = 0;
        for (Device visible : TensorFlowRuntime.devices(runtime)) {
            out.printf(Locale.ROOT, "                %-34s %-4s %s%n", visible.name(), visible.type(),
                    visible.memoryBytes() > 0 ? (visible.memoryBytes() >> 20) + " MiB" : "");
            if (visible.type().equals("GPU")) {
                gpus++;
            }
        }
        for (String variable : TENSORFLOW_VARIABLES) {
            String value = System.getenv(variable);
            out.printf("%-15s %s%n", variable, value == null ? "(unset)" : value);
        }
        if (runtime.requiresGpu() && gpus == 0) {
            out.println("problem: runtime.device " + device + " needs a GPU, but TensorFlow sees none; build the GPU "
                    + "distribution (mvn -Pgpu package) and check the CUDA driver (nvidia-smi)");
            out.flush();
            return ExitCodes.RUN_FAILURE;
        }
        out.printf("ok: training and attacks will run on %s%n", gpus > 0 && !device.equals("cpu") ? "the GPU" : "the CPU");
        out.flush();
        return ExitCodes.OK;
    }

    private String threadText() {
        return threads == 0 ? "TensorFlow's choice (" + Runtime.getRuntime().availableProcessors() + " processors)"
                : Integer.toString(threads);
    }
}
