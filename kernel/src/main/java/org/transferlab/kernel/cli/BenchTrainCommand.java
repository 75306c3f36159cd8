package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.bench.TrainBenchmark;
import org.transferlab.kernel.bench.TrainBenchmark.Result;
import org.transferlab.kernel.bench.TrainBenchmark.Settings;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.engine.FlopCount;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Training and inference speed of one model: forward FLOPs per image, images/s of the "
                + "framework's training loop and of a bare session step fed pre-built tensors, the share of the "
                + "loop spent feeding data, inference images/s and the GFLOP/s achieved.",
                "Every combination of --precision and --xla runs in this process, round by round in turn."})
final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "30", description = "Steps per round and loop (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--precision", split = ",", defaultValue = "float32",
            description = "Precisions to compare: float32, mixed-bfloat16 (default: ${DEFAULT-VALUE}).")
    List<String> precisions;

    @Option(names = "--xla", split = ",", defaultValue = "off",
            description = "XLA settings to compare: off, on (on a CPU, TensorFlow also needs "
                    + "TF_XLA_FLAGS=--tf_xla_cpu_global_jit in the environment; default: ${DEFAULT-VALUE}).")
    List<String> xla;

    @Mixin
    BenchModel model;

    @Mixin
    BenchDataset data;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PluginRegistry registry = plugins.load();
        Architecture architecture = model.architecture(registry);
        Settings settings;
        try {
            settings = new Settings(batch, steps, rounds, warmup);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        ImageSet images = data.trainingImages(registry);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Long> flops = FlopCount.forwardPerImage(architecture);
        out.printf(Locale.ROOT, "model %s, batch %d, %d rounds of %d steps on %s; TensorFlow %s, %d processors, "
                        + "TF_XLA_FLAGS=%s%n", model.label(),
                batch, rounds, steps, data.dataset, TensorFlowRuntime.version(),
                Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("TF_XLA_FLAGS", "(unset)"));
        out.printf(Locale.ROOT, "forward FLOPs per image: %.2f M (%s)%n", FlopCount.total(flops) / 1e6,
                describe(flops));
        out.printf("%-8s %-15s %-4s %12s %12s %9s %9s %12s %10s %10s%n", "threads", "precision", "xla", "train img/s",
                "bare img/s", "loop/bare", "feed/step", "infer img/s", "train GF/s", "infer GF/s");
        out.flush();
        List<RuntimeOptions> runtimes = new ArrayList<>();
        for (String precisionName : precisions) {
            Precision precision = precision(precisionName);
            for (String jit : xla) {
                if (!jit.equals("off") && !jit.equals("on")) {
                    throw new BadInputException("--xla takes off and on, got '" + jit + "'");
                }
                runtimes.add(model.runtime(precision, jit.equals("on")));
            }
        }
        for (Result result : TrainBenchmark.run(architecture, images, runtimes, settings)) {
            RuntimeOptions runtime = result.runtime();
            out.printf(Locale.ROOT, "%-8s %-15s %-4s %12.0f %12.0f %8.1f%% %8.2f%% %12.0f %10.1f %10.1f%n",
                    runtime.threads() == 0 ? "auto" : Integer.toString(runtime.threads()),
                    runtime.precision().name().toLowerCase(Locale.ROOT).replace('_', '-'), runtime.xla() ? "on" : "off",
                    result.frameworkImagesPerSecond(), result.bareImagesPerSecond(),
                    100 * result.frameworkRatio(), 100 * result.feedFraction(),
                    result.inferenceImagesPerSecond(), result.trainingGflops(), result.inferenceGflops());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(Map<String, Long> flops) {
        StringBuilder text = new StringBuilder();
        flops.forEach((op, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f M", op, count / 1e6)));
        return text.toString();
    }

    private static Precision precision(String name) {
        for (Precision precision : Precision.values()) {
            if (precision.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return precision;
            }
        }
        throw new BadInputException("--precision must be float32 or mixed-bfloat16, got '" + name + "'");
    }
}
