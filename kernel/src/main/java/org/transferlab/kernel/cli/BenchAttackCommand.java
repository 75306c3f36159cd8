package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferlab.api.PluginKind;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.bench.AttackBenchmark;
import org.transferlab.kernel.bench.AttackBenchmark.Named;
import org.transferlab.kernel.bench.AttackBenchmark.Result;
import org.transferlab.kernel.bench.AttackBenchmark.Settings;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.engine.Weights;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attack", mixinStandardHelpOptions = true,
        description = {"Attack speed on one source model: adversarial examples per second, gradient evaluations per "
                + "example and images x steps per second, for each attack plugin with its default options.",
                "The model is freshly initialised: speed does not depend on training. Rounds run the attacks in "
                        + "turn; the median round is reported."})
final class BenchAttackCommand implements Callable<Integer> {

    @Option(names = "--attacks", split = ",", defaultValue = "fgsm,pgd", paramLabel = "PLUGIN[:KEY=VALUE...]",
            description = "Attack plugins, each with its defaults unless options follow, e.g. pgd:steps=10:eps=0.1 "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> attacks;

    @Option(names = "--steps-in", split = ",", defaultValue = "graph", paramLabel = "graph|java",
            description = "Where an iterative L∞ attack's signed steps run: graph (inside TensorFlow) or java (the "
                    + "plugin API's reference loop); both compares them (default: ${DEFAULT-VALUE}).")
    List<String> stepsIn;

    @Option(names = "--batch", defaultValue = "256",
            description = "Images per perturb call, as a run's attack step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--images", defaultValue = "512",
            description = "Images attacked per attack and round (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

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
        RuntimeOptions runtime;
        try {
            settings = new Settings(batch, images, rounds);
            runtime = model.runtime(Precision.FLOAT32, false);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<Named> named = new ArrayList<>();
        for (String where : stepsIn) {
            if (!where.equals("graph") && !where.equals("java")) {
                throw new BadInputException("--steps-in takes graph and java, got '" + where + "'");
            }
            for (String attack : attacks) {
                Named created = create(attack, registry);
                named.add(where.equals("graph") ? created
                        : new Named(created.label() + " [java steps]", created.attack(), false));
            }
        }
        ImageSet source = data.trainingImages(registry);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model %s, batch %d, %d images, %d rounds on %s; TensorFlow %s, %d processors%n",
                model.label(), batch, images, rounds,
                data.dataset, TensorFlowRuntime.version(), Runtime.getRuntime().availableProcessors());
        out.printf("%-24s %12s %14s %16s%n", "attack", "adv img/s", "gradients/img", "img*steps/s");
        out.flush();
        List<Result> results;
        try (Network network = Network.forInference(architecture, Weights.initialize(architecture, 1), runtime)) {
            results = AttackBenchmark.run(network, source, named, settings);
        }
        for (Result result : results) {
            out.printf(Locale.ROOT, "%-24s %12.1f %14.2f %16.0f%n", result.label(), result.imagesPerSecond(),
                    result.gradientsPerImage(), result.imageStepsPerSecond());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Binds {@code plugin[:key=value...]} as an experiment file's attack entry would be bound. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Named create(String text, PluginRegistry registry) throws Exception {
        String[] parts = text.split(":");
        StringBuilder yaml = new StringBuilder("plugin: ").append(parts[0]).append('\n');
        KeyValues.parse(List.of(parts).subList(1, parts.length))
                .forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        PluginRef entry = ConfigLoader.loadPluginEntry(yaml.toString(), "--attacks " + text, PluginKind.ATTACK,
                registry);
        AttackProvider provider = (AttackProvider) registry.find(PluginKind.ATTACK, entry.plugin()).orElseThrow();
        return new Named(text, provider.create(entry.options()));
    }
}
