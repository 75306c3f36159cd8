package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.transferlab.api.attack.SourceModel;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Cut;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.kernel.engine.VariableStore.Variable;

/**
 * One TensorFlow graph and session for an {@link Architecture}: its variables, the inference-mode forward pass with
 * the input gradient that attacks use, and (when built for training) the training-mode forward pass with the optimizer
 * updates. Both passes share the variables. Not thread-safe; close it to free its native memory.
 */
public final class Network implements SourceModel, AutoCloseable {

    private static final long SIDE = ImageSet.SIDE;

    private final Graph graph;
    private final VariableStore variables;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> inputGradient;
    private final Placeholder<TFloat32> logitWeights;
    private final Operand<TFloat32> logitGradient;
    private final SignedStep signedStep;
    private final TrainingGraph training;
    private final FeatureOps featureOps;
    private final int numClasses;
    private final Session session;

    private Network(Architecture architecture, Weights weights, OptimizerSettings optimizer, Set<String> frozen,
                    boolean adaptsFrozenStatistics, RuntimeOptions runtime, Cut cut) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            variables = new VariableStore(tf, architecture, optimizer != null, frozen, adaptsFrozenStatistics);
            images = tf.withName("images").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, SIDE, SIDE, 1)));
            labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));

            variables.enterMode(tf.withSubScope("inference"), false);
            logits = architecture.logits(variables, images, false);
            numClasses = classCount(logits);
            Operand<TFloat32> oneHotLabels = tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f),
                    tf.constant(0f));
            Ops attack = tf.withSubScope("attack");
            Operand<TFloat32> summedLoss = attack.reduceSum(
                    attack.nn.softmaxCrossEntropyWithLogits(logits, oneHotLabels).loss(), attack.constant(0));
            inputGradient = attack.gradients(summedLoss, List.of(images)).dy(0);
            logitWeights = attack.withName("logit_weights").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, numClasses)));
            Operand<TFloat32> weightedLogits = attack.reduceSum(attack.math.mul(logits, logitWeights),
                    attack.constant(new int[] {0, 1}));
            logitGradient = attack.gradients(weightedLogits, List.of(images)).dy(0);
            signedStep = new SignedStep(attack.withSubScope("signed_step"), images, inputGradient);

            if (optimizer == null) {
                training = null;
                featureOps = null;
            } else if (cut == null) {
                featureOps = null;
                variables.enterMode(tf.withSubScope("training_forward"), true);
                Operand<TFloat32> trainingLogits = architecture.logits(variables, images, true);
                training = new TrainingGraph(tf, variables, trainingLogits, labels, oneHotLabels, frozen, optimizer);
            } else {
                featureOps = new FeatureOps(tf, variables, architecture, cut, images);
                variables.enterMode(tf.withSubScope("training_forward"), true);
                Operand<TFloat32> trainingLogits = cut.suffix(featureOps.suffixGraph, featureOps.features, true);
                training = new TrainingGraph(tf, variables, trainingLogits, labels, oneHotLabels, frozen, optimizer);
            }
            Operand<TFloat32> gpuProbe = runtime.requiresGpu() ? gpuProbe(tf) : null;

            session = new Session(graph, runtime.sessionConfig());
            if (gpuProbe != null) {
                checkGpuVisible(gpuProbe, runtime);
            }
            load(weights);
            if (training != null) {
                training.resetOptimizer(session);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A network for evaluation and attacks only. */
    public static Network forInference(Architecture architecture, Weights weights, RuntimeOptions runtime) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(weights, "weights is null");
        requireNonNull(runtime, "runtime is null");
        return new Network(architecture, weights, null, Set.of(), false, runtime, null);
    }

    /** A network that can also train every parameter not in {@code frozen}, starting with fresh optimizer state. */
    public static Network forTraining(Architecture architecture, Weights weights, OptimizerSettings optimizer,
                                      Set<String> frozen, RuntimeOptions runtime) {
        return forTraining(architecture, weights, optimizer, frozen, false, runtime);
    }

    /**
     * {@link #forTraining(Architecture, Weights, OptimizerSettings, Set, RuntimeOptions)}, where with
     * {@code adaptsFrozenStatistics} a frozen normalisation layer still normalises with batch statistics while training
     * and updates its moving statistics, its scale and shift unchanged ({@code frozen_batchnorm: adapt}).
     */
    public static Network forTraining(Architecture architecture, Weights weights, OptimizerSettings optimizer,
                                      Set<String> frozen, boolean adaptsFrozenStatistics, RuntimeOptions runtime) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(weights, "weights is null");
        requireNonNull(optimizer, "optimizer is null");
        requireNonNull(frozen, "frozen is null");
        requireNonNull(runtime, "runtime is null");
        return new Network(architecture, weights, optimizer, Set.copyOf(frozen), adaptsFrozenStatistics, runtime, null);
    }

    /**
     * A network that trains every parameter not in {@code frozen} above {@code cut}, whose prefix must be frozen: its
     * batches hold the prefix's features instead of images, and a {@link #source} computes them once per image.
     */
    public static Network forTrainingAbove(Cut cut, Architecture architecture, Weights weights,
                                           OptimizerSettings optimizer, Set<String> frozen, RuntimeOptions runtime) {
        requireNonNull(cut, "cut is null");
        requireNonNull(architecture, "architecture is null");
        requireNonNull(weights, "weights is null");
        requireNonNull(optimizer, "optimizer is null");
        requireNonNull(frozen, "frozen is null");
        requireNonNull(runtime, "runtime is null");
        Set<String> prefix = prefixNames(architecture, cut);
        if (!frozen.containsAll(prefix)) {
            throw new IllegalArgumentException("cannot train above the cut " + cut + ": its prefix " + prefix
                    + " is not entirely frozen");
        }
        return new Network(architecture, weights, optimizer, Set.copyOf(frozen), false, runtime, cut);
    }

    /** Whether this network trains on features of a frozen prefix rather than on images. */
    public boolean trainsOnFeatures() {
        return featureOps != null;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** One optimizer step on a batch of {@code labels.length} images ([0,1] floats, 784 per image). */
    public StepResult trainStep(float[] images, int[] labels, float learningRate) {
        try (Batch batch = batch(images, labels)) {
            return trainStep(batch, learningRate);
        }
    }

    /** One optimizer step on a batch already copied into tensors, which stay open for reuse. */
    public StepResult trainStep(Batch batch, float learningRate) {
        requireNonNull(batch, "batch is null");
        if (training == null) {
            throw new IllegalStateException("this network was built for inference only");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        return training.step(session, inputOf(batch), batch.images, this.labels, batch.labels, learningRate);
    }

    /** One optimizer step traced op by op: TensorFlow's step statistics under {@code trace}. */
    public RunMetadata traceTrainStep(Batch batch, float learningRate, RunOptions trace) {
        requireNonNull(batch, "batch is null");
        requireNonNull(trace, "trace is null");
        if (training == null) {
            throw new IllegalStateException("this network was built for inference only");
        }
        return training.step(session, inputOf(batch), batch.images, this.labels, batch.labels, learningRate, trace)
                .metadata();
    }

    /** One input-gradient step, as an attack takes it, traced op by op under {@code trace}. */
    public RunMetadata traceLossGradient(Batch batch, RunOptions trace) {
        requireNonNull(batch, "batch is null");
        requireNonNull(trace, "trace is null");
        try (Result result = session.runner()
                .feed(this.images, batch.images)
                .feed(this.labels, batch.labels)
                .fetch(inputGradient)
                .setOptions(trace)
                .runAndFetchMetadata()) {
            return result.getMetadata().orElseThrow();
        }
    }

    /** The type of each operation of this network's graph, by name, for reading step statistics. */
    public Map<String, String> operationTypes() {
        Map<String, String> types = new HashMap<>();
        graph.operations().forEachRemaining(operation -> types.put(operation.name(), operation.type()));
        return types;
    }

    /**
     * Copies a batch of {@code labels.length} images ([0,1] floats, 784 per image) and their labels into tensors
     * that this network can be fed (for a network that trains on features, the images' features); the caller closes
     * it.
     */
    public Batch batch(float[] images, int[] labels) {
        requireNonNull(labels, "labels is null");
        TInt32 labelTensor = labelTensor(labels);
        try {
            TFloat32 imageTensor = imageTensor(images, labels.length);
            if (featureOps == null) {
                return new Batch(imageTensor, labelTensor, labels.length, false);
            }
            try (imageTensor) {
                return new Batch(featuresOf(imageTensor, labels.length), labelTensor, labels.length, true);
            }
        } catch (RuntimeException e) {
            labelTensor.close();
            throw e;
        }
    }

    /**
     * The images of {@code set} as the training loop reads them: batches by index, and the predictions of the whole
     * set. For a network that trains on features, the features of every image are computed here, once.
     */
    public Source source(ImageSet set) {
        requireNonNull(set, "set is null");
        return featureOps == null ? new ImageSource(set) : new FeatureSource(set);
    }

    /** One image set, ready for training steps and predictions; close it to free what it holds. */
    public interface Source extends AutoCloseable {

        /** The images at {@code indices} and their labels, in tensors the caller closes. */
        Batch batch(int[] indices);

        /** The most likely class of every image of the set, in inference mode. */
        int[] predictions(int batchSize);

        /** The label of every image of the set. */
        int[] labels();

        @Override
        void close();
    }

    /** Images (or their features, for a network that trains on features) and labels in native tensors. */
    public static final class Batch implements AutoCloseable {
        private final TFloat32 images;
        private final TInt32 labels;
        private final int size;
        private final boolean features;

        private Batch(TFloat32 images, TInt32 labels, int size, boolean features) {
            this.images = images;
            this.labels = labels;
            this.size = size;
            this.features = features;
        }

        public int size() {
            return size;
        }

        @Override
        public void close() {
            try {
                images.close();
            } finally {
                labels.close();
            }
        }
    }

    @Override
    public float[] logits(float[] images, int count) {
        try (TFloat32 imageTensor = imageTensor(images, count);
             Result result = session.runner().feed(this.images, imageTensor).fetch(logits).run()) {
            return toArray((TFloat32) result.get(0), (long) count * numClasses);
        }
    }

    @Override
    public float[] lossGradient(float[] images, int[] labels) {
        try (TFloat32 imageTensor = imageTensor(images, labels.length);
             TInt32 labelTensor = labelTensor(labels);
             Result result = session.runner()
                     .feed(this.images, imageTensor)
                     .feed(this.labels, labelTensor)
                     .fetch(inputGradient)
                     .run()) {
            return toArray((TFloat32) result.get(0), images.length);
        }
    }

    @Override
    public float[] logitGradient(float[] images, float[] weights) {
        int count = images.length / ImageSet.PIXELS;
        if (weights.length != count * numClasses) {
            throw new IllegalArgumentException("need " + count + " × " + numClasses + " logit weights, got " + weights.length);
        }
        try (TFloat32 imageTensor = imageTensor(images, count);
             TFloat32 weightTensor = TFloat32.tensorOf(Shape.of(count, numClasses), DataBuffers.of(weights, true, false));
             Result result = session.runner()
                     .feed(this.images, imageTensor)
                     .feed(logitWeights, weightTensor)
                     .fetch(logitGradient)
                     .run()) {
            return toArray((TFloat32) result.get(0), images.length);
        }
    }

    /**
     * The steps run inside TensorFlow, one {@code Session.run} each, feeding each step's output tensor to the next
     * without copying it out: the same floats as the interface's Java loop (a test checks it), without its copies.
     */
    @Override
    public float[] signedGradientSteps(float[] start, float[] clean, int[] labels, float stepSize, float epsilon,
                                       int steps) {
        requireNonNull(start, "start is null");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        int count = labels.length;
        try (TFloat32 cleanTensor = imageTensor(clean, count);
             TInt32 labelTensor = labelTensor(labels);
             TFloat32 stepTensor = TFloat32.scalarOf(stepSize);
             TFloat32 epsilonTensor = TFloat32.scalarOf(epsilon);
             TFloat32 first = imageTensor(start, count)) {
            TFloat32 current = first;
            Result last = null;
            try {
                for (int step = 0; step < steps; step++) {
                    Result next = session.runner()
                            .feed(images, current)
                            .feed(this.labels, labelTensor)
                            .feed(signedStep.clean, cleanTensor)
                            .feed(signedStep.stepSize, stepTensor)
                            .feed(signedStep.epsilon, epsilonTensor)
                            .fetch(signedStep.next)
                            .run();
                    if (last != null) {
                        last.close();
                    }
                    last = next;
                    current = (TFloat32) next.get(0);
                }
                return toArray(current, start.length);
            } finally {
                if (last != null) {
                    last.close();
                }
            }
        }
    }

    /** x + α · sign(∇ₓ loss), projected onto [max(0, clean − ε), min(1, clean + ε)], pixel by pixel. */
    private static final class SignedStep {
        private final Placeholder<TFloat32> clean;
        private final Placeholder<TFloat32> stepSize;
        private final Placeholder<TFloat32> epsilon;
        private final Operand<TFloat32> next;

        SignedStep(Ops tf, Operand<TFloat32> images, Operand<TFloat32> gradient) {
            clean = tf.withName("clean").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIDE, SIDE, 1)));
            stepSize = tf.withName("step_size").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            epsilon = tf.withName("epsilon").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> low = tf.math.maximum(tf.constant(0f), tf.math.sub(clean, epsilon));
            Operand<TFloat32> high = tf.math.minimum(tf.constant(1f), tf.math.add(clean, epsilon));
            Operand<TFloat32> moved = tf.math.add(images, tf.math.mul(stepSize, tf.math.sign(gradient)));
            next = tf.math.minimum(high, tf.math.maximum(low, moved));
        }
    }

    private Operand<TFloat32> inputOf(Batch batch) {
        if (batch.features != (featureOps != null)) {
            throw new IllegalArgumentException(featureOps != null
                    ? "this network trains on features; make its batches with batch() or source()"
                    : "this batch holds features, but this network trains on images");
        }
        return featureOps != null ? featureOps.features : images;
    }

    /** The prefix's features of {@code count} images, in a tensor the caller owns. */
    private TFloat32 featuresOf(TFloat32 imageTensor, int count) {
        try (Result result = session.runner().feed(images, imageTensor).fetch(featureOps.prefixFeatures).run()) {
            TFloat32 owned = TFloat32.tensorOf(featureOps.shapeOf(count));
            ((TFloat32) result.get(0)).copyTo(owned);
            return owned;
        }
    }

    /** The prefix and inference-mode suffix of a network that trains above a cut. */
    private static final class FeatureOps {
        private final long[] featureShape;
        private final Placeholder<TFloat32> features;
        private final Operand<TFloat32> prefixFeatures;
        private final Operand<TFloat32> suffixLogits;
        private final RestrictedGraph suffixGraph;

        FeatureOps(Ops tf, VariableStore variables, Architecture architecture, Cut cut, Operand<TFloat32> images) {
            featureShape = cut.featureShape();
            Set<String> prefix = prefixNames(architecture, cut);
            Set<String> suffix = new LinkedHashSet<>(variables.parameters().keySet());
            suffix.removeAll(prefix);
            long[] batched = new long[featureShape.length + 1];
            batched[0] = -1;
            System.arraycopy(featureShape, 0, batched, 1, featureShape.length);
            features = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(batched)));
            variables.enterMode(tf.withSubScope("prefix"), false);
            prefixFeatures = cut.prefix(new RestrictedGraph(variables, prefix, "prefix"), images);
            if (!prefixFeatures.shape().isCompatibleWith(Shape.of(batched))) {
                throw new IllegalArgumentException("the cut " + cut + " declares features of shape "
                        + Arrays.toString(featureShape) + " per image, but its prefix gives " + prefixFeatures.shape());
            }
            suffixGraph = new RestrictedGraph(variables, suffix, "suffix");
            variables.enterMode(tf.withSubScope("suffix_inference"), false);
            suffixLogits = cut.suffix(suffixGraph, features, false);
        }

        Shape shapeOf(long count) {
            long[] dimensions = new long[featureShape.length + 1];
            dimensions[0] = count;
            System.arraycopy(featureShape, 0, dimensions, 1, featureShape.length);
            return Shape.of(dimensions);
        }
    }

    private static Set<String> prefixNames(Architecture architecture, Cut cut) {
        List<ParameterSpec> parameters = architecture.parameters();
        if (cut.prefixParameters() < 1 || cut.prefixParameters() > parameters.size()) {
            throw new IllegalArgumentException("the cut " + cut + " has a prefix of " + cut.prefixParameters()
                    + " parameters, but the architecture has " + parameters.size());
        }
        Set<String> names = new LinkedHashSet<>();
        parameters.subList(0, cut.prefixParameters()).forEach(parameter -> names.add(parameter.name()));
        return names;
    }

    private int[] labelsAt(ImageSet set, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = set.labels()[indices[i]];
        }
        return labels;
    }

    /** Converts each batch's images when it is asked for. */
    private final class ImageSource implements Source {
        private final ImageSet set;

        ImageSource(ImageSet set) {
            this.set = set;
        }

        @Override
        public Batch batch(int[] indices) {
            return Network.this.batch(set.toFloats(indices), labelsAt(set, indices));
        }

        @Override
        public int[] predictions(int batchSize) {
            return predict(set, batchSize);
        }

        @Override
        public int[] labels() {
            return set.labels();
        }

        @Override
        public void close() {
        }
    }

    /** The features of every image of a set, computed once, in native tensors of {@link #CHUNK} images each. */
    private final class FeatureSource implements Source {
        private static final int CHUNK = 256;
        private final ImageSet set;
        private final List<TFloat32> chunks = new ArrayList<>();

        FeatureSource(ImageSet set) {
            this.set = set;
            try {
                for (int start = 0; start < set.count(); start += CHUNK) {
                    int[] indices = new int[Math.min(CHUNK, set.count() - start)];
                    int offset = start;
                    Arrays.setAll(indices, i -> offset + i);
                    try (TFloat32 imageTensor = imageTensor(set.toFloats(indices), indices.length)) {
                        chunks.add(featuresOf(imageTensor, indices.length));
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public Batch batch(int[] indices) {
            TInt32 labelTensor = labelTensor(labelsAt(set, indices));
            TFloat32 featureTensor = null;
            try {
                featureTensor = TFloat32.tensorOf(featureOps.shapeOf(indices.length));
                for (int j = 0; j < indices.length; j++) {
                    chunks.get(indices[j] / CHUNK).get(indices[j] % CHUNK).copyTo(featureTensor.get(j));
                }
                return new Batch(featureTensor, labelTensor, indices.length, true);
            } catch (RuntimeException e) {
                labelTensor.close();
                if (featureTensor != null) {
                    featureTensor.close();
                }
                throw e;
            }
        }

        @Override
        public int[] labels() {
            return set.labels();
        }

        @Override
        public int[] predictions(int batchSize) {
            int[] predictions = new int[set.count()];
            for (int c = 0; c < chunks.size(); c++) {
                TFloat32 chunk = chunks.get(c);
                int count = Math.toIntExact(chunk.shape().get(0));
                try (Result result = session.runner().feed(featureOps.features, chunk)
                        .fetch(featureOps.suffixLogits).run()) {
                    float[] logits = toArray((TFloat32) result.get(0), (long) count * numClasses);
                    System.arraycopy(argMax(logits, count), 0, predictions, c * CHUNK, count);
                }
            }
            return predictions;
        }

        @Override
        public void close() {
            chunks.forEach(TFloat32::close);
            chunks.clear();
        }
    }

    /** The most likely class of each of {@code count} images, in inference mode. */
    public int[] predict(float[] images, int count) {
        return argMax(logits(images, count), count);
    }

    /**
     * The most likely class of each of {@code count} images, running {@code batchSize} at a time: a whole evaluation set
     * in one step would hold every layer's activations for all of it at once (gigabytes for 5,000 images).
     */
    public int[] predict(float[] images, int count, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] predictions = new int[count];
        for (int start = 0; start < count; start += batchSize) {
            int size = Math.min(batchSize, count - start);
            float[] batch = Arrays.copyOfRange(images, start * ImageSet.PIXELS, (start + size) * ImageSet.PIXELS);
            System.arraycopy(predict(batch, size), 0, predictions, start, size);
        }
        return predictions;
    }

    /** The most likely class of every image of a set, converting and running {@code batchSize} images at a time. */
    public int[] predict(ImageSet set, int batchSize) {
        requireNonNull(set, "set is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] predictions = new int[set.count()];
        for (int start = 0; start < set.count(); start += batchSize) {
            int[] batch = new int[Math.min(batchSize, set.count() - start)];
            int offset = start;
            Arrays.setAll(batch, i -> offset + i);
            System.arraycopy(predict(set.toFloats(batch), batch.length), 0, predictions, start, batch.length);
        }
        return predictions;
    }

    /** Replaces every parameter and state value; the weights must hold exactly the model's tensors. */
    public void load(Weights weights) {
        requireNonNull(weights, "weights is null");
        List<Variable> all = allVariables();
        checkMatches(weights, all);
        Session.Runner runner = session.runner();
        List<TFloat32> values = new ArrayList<>();
        try {
            for (Variable variable : all) {
                TFloat32 value = TFloat32.tensorOf(Shape.of(variable.shape()),
                        DataBuffers.of(weights.get(variable.name()).values(), true, false));
                values.add(value);
                runner.feed(variable.loadValue(), value).addTarget(variable.load());
            }
            runner.run();
        } finally {
            values.forEach(TFloat32::close);
        }
    }

    /** The current value of every parameter and state tensor, in canonical order. */
    public Weights snapshot() {
        List<Variable> all = allVariables();
        Session.Runner runner = session.runner();
        all.forEach(variable -> runner.fetch(variable.read()));
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < all.size(); i++) {
                Variable variable = all.get(i);
                long size = WeightTensor.sizeOf(variable.shape());
                tensors.put(variable.name(),
                        new WeightTensor(variable.shape(), toArray((TFloat32) result.get(i), size)));
            }
        }
        return new Weights(tensors);
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            graph.close();
        }
    }

    private List<Variable> allVariables() {
        List<Variable> all = new ArrayList<>(variables.parameters().values());
        all.addAll(variables.states().values());
        return all;
    }

    private static void checkMatches(Weights weights, List<Variable> variables) {
        List<String> problems = new ArrayList<>();
        for (Variable variable : variables) {
            if (!weights.contains(variable.name())) {
                problems.add(variable.name() + " is missing");
            } else if (!weights.get(variable.name()).hasShape(variable.shape())) {
                problems.add(variable.name() + " has shape " + Arrays.toString(weights.get(variable.name()).shape())
                        + " but the model needs " + Arrays.toString(variable.shape()));
            }
        }
        Set<String> expected = new HashSet<>();
        variables.forEach(variable -> expected.add(variable.name()));
        weights.names().stream().filter(name -> !expected.contains(name))
                .forEach(name -> problems.add(name + " is not a tensor of the model"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("weights do not fit the model: " + String.join("; ", problems));
        }
    }

    private static int classCount(Operand<TFloat32> logits) {
        Shape shape = logits.shape();
        if (shape.numDimensions() != 2 || shape.isUnknown() || shape.get(1) < 1) {
            throw new IllegalArgumentException(
                    "the architecture's logits must have shape [batch, classes] with a known class count, got " + shape);
        }
        return Math.toIntExact(shape.get(1));
    }

    private static Operand<TFloat32> gpuProbe(Ops tf) {
        DeviceSpec gpu = DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();
        Ops onGpu = tf.withSubScope("gpu_probe").withDevice(gpu);
        return onGpu.identity(onGpu.constant(0f));
    }

    private void checkGpuVisible(Operand<TFloat32> gpuProbe, RuntimeOptions runtime) {
        try {
            session.runner().fetch(gpuProbe).run().close();
        } catch (RuntimeException e) {
            throw new IllegalStateException("runtime device " + runtime.device()
                    + " needs a GPU, but TensorFlow sees none (are the GPU natives, -Pgpu, and a CUDA driver present?): "
                    + e.getMessage(), e);
        }
    }

    private static TFloat32 imageTensor(float[] images, int count) {
        requireNonNull(images, "images is null");
        if (count < 1 || images.length != (long) count * ImageSet.PIXELS) {
            throw new IllegalArgumentException("expected " + count + " images of " + ImageSet.PIXELS + " floats, got "
                    + images.length + " floats");
        }
        return TFloat32.tensorOf(Shape.of(count, SIDE, SIDE, 1), DataBuffers.of(images, true, false));
    }

    private TInt32 labelTensor(int[] labels) {
        requireNonNull(labels, "labels is null");
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + numClasses + ")");
            }
        }
        return TInt32.tensorOf(Shape.of(labels.length), DataBuffers.of(labels, true, false));
    }

    private static float[] toArray(TFloat32 tensor, long size) {
        float[] values = new float[Math.toIntExact(size)];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    private int[] argMax(float[] logits, int count) {
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < numClasses; c++) {
                if (logits[i * numClasses + c] > logits[i * numClasses + best]) {
                    best = c;
                }
            }
            classes[i] = best;
        }
        return classes;
    }
}
