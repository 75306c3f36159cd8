package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.bench.StepProfile;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Where one step's time goes, op by op: TensorFlow's step statistics (FULL_TRACE) of a "
                + "training step (Adam) or of an attack's input-gradient step, grouped by op type and by phase.",
                "Tracing adds a little time to every op, so compare shares, not absolute times, with bench train."})
final class BenchProfileCommand implements Callable<Integer> {

    private static final float LEARNING_RATE = 1e-3f;

    @Option(names = "--step", defaultValue = "train", paramLabel = "train|gradient",
            description = "Which step to trace (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "Traced steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5", description = "Untraced steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--top", defaultValue = "15", description = "Op types listed (default: ${DEFAULT-VALUE}).")
    int top;

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
        if (!step.equals("train") && !step.equals("gradient")) {
            throw new BadInputException("--step takes train or gradient, got '" + step + "'");
        }
        if (batch < 1 || steps < 1 || warmup < 0 || top < 1) {
            throw new BadInputException("--batch, --steps and --top must be positive, --warmup not negative");
        }
        PluginRegistry registry = plugins.load();
        Architecture architecture = model.architecture(registry);
        RuntimeOptions runtime = model.runtime(Precision.FLOAT32, false);
        ImageSet images = data.trainingImages(registry);
        int[] first = new int[Math.min(batch, images.count())];
        Arrays.setAll(first, i -> i);
        RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        Recipe recipe = new Recipe(1, batch, Recipe.OptimizerKind.ADAM, (double) LEARNING_RATE, null, null);
        List<RunMetadata> traces = new ArrayList<>();
        StepProfile profile;
        try (Network network = step.equals("train")
                ? Network.forTraining(architecture, Weights.initialize(architecture, 1),
                        OptimizerSettings.from(recipe), Set.of(), runtime)
                : Network.forInference(architecture, Weights.initialize(architecture, 1), runtime);
             Network.Batch fixed = network.batch(images.toFloats(first), Arrays.copyOf(images.labels(), first.length))) {
            for (int i = 0; i < warmup + steps; i++) {
                RunMetadata metadata = step.equals("train")
                        ? network.traceTrainStep(fixed, LEARNING_RATE, trace)
                        : network.traceLossGradient(fixed, trace);
                if (i >= warmup) {
                    traces.add(metadata);
                }
            }
            profile = StepProfile.of(traces, network.operationTypes());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model %s, %s step, batch %d, %d traced steps on %s; TensorFlow %s, threads %s%n",
                model.label(), step, first.length, steps, data.dataset, TensorFlowRuntime.version(),
                model.threads == 0 ? "TensorFlow's choice" : Integer.toString(model.threads));
        out.printf(Locale.ROOT, "step wall time %.2f ms, op time %.2f ms (%.0f img/s traced)%n",
                profile.wallMicrosPerStep() / 1e3, profile.opMicrosPerStep() / 1e3,
                first.length / (profile.wallMicrosPerStep() / 1e6));
        print(out, "phase", profile.byPhase(), Integer.MAX_VALUE);
        print(out, "op type", profile.byType(), top);
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String heading, List<StepProfile.Entry> entries, int limit) {
        out.printf(Locale.ROOT, "%n%-40s %10s %7s %8s%n", heading, "ms/step", "share", "ops/step");
        entries.stream().limit(limit).forEach(entry -> out.printf(Locale.ROOT, "%-40s %10.3f %6.1f%% %8.1f%n",
                entry.name(), entry.microsPerStep() / 1e3, 100 * entry.share(), entry.countPerStep()));
    }
}
