package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.data.ImageSet;
import org.transferlab.api.model.Architecture;

/**
 * Floating-point operations of one image's inference-mode forward pass, counting a multiply-add as 2 in convolutions
 * and matrix products (element-wise ops, normalisation and pooling are left out: they are a few percent of the total
 * for these models). Counted on the architecture's own graph, built for a batch of one so that every shape is known.
 */
public final class FlopCount {

    private FlopCount() {
    }

    /** FLOPs per image, by op type. */
    public static Map<String, Long> forwardPerImage(Architecture architecture) {
        requireNonNull(architecture, "architecture is null");
        Map<String, Long> flops = new LinkedHashMap<>();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> image = tf.zeros(tf.constant(new long[] {1, ImageSet.SIDE, ImageSet.SIDE, 1}),
                    TFloat32.class);
            Map<String, long[]> shapes = new LinkedHashMap<>();
            architecture.parameters().forEach(parameter -> shapes.put(parameter.name(), parameter.shape()));
            architecture.state().forEach(state -> shapes.put(state.name(), state.shape()));
            // Shapes are all that counting needs, so every tensor is zeros.
            architecture.logits(new FixedWeights(tf, name -> tf.zeros(tf.constant(shapes.get(name)), TFloat32.class)),
                    image, false);
            for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
                GraphOperation op = it.next();
                long count = switch (op.type()) {
                    case "Conv2D" -> conv2d(op);
                    case "MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3" -> matMul(op);
                    default -> 0;
                };
                if (count > 0) {
                    flops.merge(op.type(), count, Long::sum);
                }
            }
        }
        return flops;
    }

    public static long total(Map<String, Long> flops) {
        return flops.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 2 · output elements · (kernel height · kernel width · input channels). */
    private static long conv2d(GraphOperation op) {
        Shape filter = op.input(1).shape();
        return 2 * known(op.output(0).shape(), op) * filter.get(0) * filter.get(1) * filter.get(2);
    }

    /** 2 · output elements · inner dimension, whatever the transposition. */
    private static long matMul(GraphOperation op) {
        Shape a = op.input(0).shape();
        Shape out = op.output(0).shape();
        long rows = out.get(out.numDimensions() - 2);
        long aMatrix = a.get(a.numDimensions() - 1) * a.get(a.numDimensions() - 2);
        return 2 * known(out, op) * (aMatrix / rows);
    }

    private static long known(Shape shape, GraphOperation op) {
        if (shape.isUnknown() || shape.hasUnknownDimension()) {
            throw new IllegalStateException("cannot count FLOPs of " + op.name() + ": its shape " + shape
                    + " is not fully known");
        }
        return shape.size();
    }
}
