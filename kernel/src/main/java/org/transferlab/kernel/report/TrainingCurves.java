package org.transferlab.kernel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.transferlab.kernel.plan.TaskKind;

/** Per trained model, its training loss (left axis) and train and test accuracy (right axis) per epoch. */
final class TrainingCurves {

    private TrainingCurves() {
    }

    static List<LinePlot> of(List<TrainingCurve> curves) {
        List<LinePlot> plots = new ArrayList<>();
        for (TrainingCurve curve : curves.stream().sorted(STAGE_ORDER).toList()) {
            if (curve.epochs().isEmpty()) {
                continue;
            }
            List<LinePlot.Line> lines = new ArrayList<>();
            add(lines, curve, "training loss", TrainingCurve.Epoch::loss, 1, false, false);
            add(lines, curve, "train accuracy", TrainingCurve.Epoch::trainAccuracy, 3, true, true);
            add(lines, curve, "test accuracy", TrainingCurve.Epoch::testAccuracy, 2, false, true);
            plots.add(new LinePlot(ModelLabel.fileName("training", curve.modelId()), curve.modelId(), "epoch",
                    "training loss", false, "accuracy (fraction)", null, lines));
        }
        return plots;
    }

    /** Pre-trained models first, then fine-tuned ones, as the study ran them; by id within a stage. */
    private static final Comparator<TrainingCurve> STAGE_ORDER = Comparator
            .comparingInt((TrainingCurve curve) -> stage(curve.modelId()))
            .thenComparing(TrainingCurve::modelId);

    private static int stage(String id) {
        for (TaskKind kind : TaskKind.values()) {
            if (id.startsWith(kind.label() + "/")) {
                return kind.ordinal();
            }
        }
        return TaskKind.values().length;
    }

    /** A line over the epochs that have the value (test accuracy is NaN without a test set). */
    private static void add(List<LinePlot.Line> lines, TrainingCurve curve, String label,
            ToDoubleFunction<TrainingCurve.Epoch> value, int colour, boolean dashed, boolean right) {
        List<TrainingCurve.Epoch> epochs = curve.epochs();
        int[] present = IntStream.range(0, epochs.size()).filter(i -> !Double.isNaN(value.applyAsDouble(epochs.get(i))))
                .toArray();
        if (present.length == 0) {
            return;
        }
        double[] x = IntStream.of(present).mapToDouble(i -> epochs.get(i).epoch()).toArray();
        double[] y = IntStream.of(present).mapToDouble(i -> value.applyAsDouble(epochs.get(i))).toArray();
        lines.add(new LinePlot.Line(label, x, y, LinePlot.Emphasis.NORMAL, colour, dashed, right));
    }
}
