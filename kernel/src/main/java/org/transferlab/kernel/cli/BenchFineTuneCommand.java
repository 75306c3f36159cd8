package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.bench.FineTuneBenchmark;
import org.transferlab.kernel.bench.FineTuneBenchmark.Result;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.engine.FeatureCaching;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Speed of one fine-tune with its first tensors frozen, both ways: the whole network trained "
                + "with the frozen tensors fixed, and the rest trained above the frozen prefix on features computed "
                + "once per image (as runs do). Prints seconds and images/s of each, the speed-up, and the largest "
                + "difference between the weights the two end with."})
final class BenchFineTuneCommand implements Callable<Integer> {

    @Option(names = "--freeze-first", required = true, paramLabel = "N",
            description = "Freeze the first N parameter tensors, as freeze: { first: N } does.")
    int freezeFirst;

    @Option(names = "--train", defaultValue = "2000", description = "Training images (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--test", defaultValue = "500",
            description = "Test images, evaluated after each epoch (default: ${DEFAULT-VALUE}).")
    int testImages;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

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
        if (trainImages < 1 || testImages < 0 || epochs < 1 || batch < 1 || rounds < 1) {
            throw new BadInputException("--train, --epochs, --batch and --rounds must be positive, --test not negative");
        }
        PluginRegistry registry = plugins.load();
        Architecture architecture = model.architecture(registry);
        List<String> names = architecture.parameters().stream().map(ParameterSpec::name).toList();
        if (freezeFirst < 1 || freezeFirst >= names.size()) {
            throw new BadInputException("--freeze-first must be between 1 and " + (names.size() - 1) + " for "
                    + model.label() + ", got " + freezeFirst);
        }
        Set<String> frozen = Freezing.frozenParameters(new Freeze(freezeFirst, null, null), names);
        Cut cut = FeatureCaching.choose(architecture, frozen, (long) trainImages + testImages)
                .orElseThrow(() -> new BadInputException(model.label() + " with its first " + freezeFirst
                        + " tensors frozen trains on images: no cut of it has an entirely frozen prefix whose "
                        + "features fit in memory"));
        ImageSet source = data.trainingImages(registry);
        int[] all = new int[trainImages + testImages];
        Arrays.setAll(all, i -> i % source.count());
        ImageSet training = source.select(Arrays.copyOfRange(all, 0, trainImages));
        ImageSet test = source.select(Arrays.copyOfRange(all, trainImages, all.length));
        Recipe recipe = new Recipe(epochs, batch, OptimizerKind.ADAM, 1e-3, null, null);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model %s, first %d tensors frozen, trained above the cut %s (features %s, %.0f MB); "
                        + "%d epochs of %d images on %s, %d test images, batch %d, %d rounds; TensorFlow %s, "
                        + "%d processors%n",
                model.label(), freezeFirst, cut, Arrays.toString(cut.featureShape()),
                FeatureCaching.bytes(cut, all.length) / 1e6, epochs, trainImages, data.dataset, testImages, batch,
                rounds, TensorFlowRuntime.version(), Runtime.getRuntime().availableProcessors());
        out.flush();
        Result result = FineTuneBenchmark.run(architecture, frozen, cut, training, test, recipe, rounds,
                model.runtime(Precision.FLOAT32, false));
        out.printf("%-26s %10s %12s %12s%n", "fine-tune", "seconds", "feed s", "train img/s");
        out.printf(Locale.ROOT, "%-26s %10.2f %12.2f %12.0f%n", "whole network", result.plainSeconds(),
                result.plainFeedSeconds(), result.plainImagesPerSecond());
        out.printf(Locale.ROOT, "%-26s %10.2f %12.2f %12.0f%n", "above the frozen prefix", result.cachedSeconds(),
                result.cachedFeedSeconds(), result.cachedImagesPerSecond());
        out.printf(Locale.ROOT, "speed-up %.2fx; largest weight difference %.3g%n", result.speedUp(),
                result.largestWeightDifference());
        out.flush();
        return ExitCodes.OK;
    }
}
