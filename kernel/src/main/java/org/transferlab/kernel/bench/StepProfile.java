package org.transferlab.kernel.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where a step's time goes, op by op, from TensorFlow's step statistics ({@code FULL_TRACE} run metadata) of several
 * traced steps. Times are each op's own compute time ({@code op_end − op_start}), averaged over the steps; with more
 * than one thread, ops overlap, so their sum can exceed the step's wall time.
 */
public final class StepProfile {

    /** One op type's (or phase's) share of a step. */
    public record Entry(String name, double microsPerStep, double share, double countPerStep) {
    }

    private final int steps;
    private final double wallMicrosPerStep;
    private final double opMicrosPerStep;
    private final List<Entry> byType;
    private final List<Entry> byPhase;

    private StepProfile(int steps, double wallMicrosPerStep, double opMicrosPerStep, List<Entry> byType,
                        List<Entry> byPhase) {
        this.steps = steps;
        this.wallMicrosPerStep = wallMicrosPerStep;
        this.opMicrosPerStep = opMicrosPerStep;
        this.byType = byType;
        this.byPhase = byPhase;
    }

    /**
     * Aggregates traced steps. An op's type is read from its timeline label ({@code name = Type(inputs)}), which names
     * the op that ran after Grappler's rewrites (a fused {@code _FusedConv2D}, say), and falls back to
     * {@code graphTypes}, the types of the graph as built.
     */
    public static StepProfile of(List<RunMetadata> traces, Map<String, String> graphTypes) {
        requireNonNull(traces, "traces is null");
        requireNonNull(graphTypes, "graphTypes is null");
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no traced step to profile");
        }
        Map<String, double[]> types = new LinkedHashMap<>();
        Map<String, double[]> phases = new LinkedHashMap<>();
        double wall = 0;
        double total = 0;
        for (RunMetadata trace : traces) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (DeviceStepStats device : trace.getStepStats().getDevStatsList()) {
                for (NodeExecStats node : device.getNodeStatsList()) {
                    long micros = node.getOpEndRelMicros() - node.getOpStartRelMicros();
                    first = Math.min(first, node.getAllStartMicros());
                    last = Math.max(last, node.getAllStartMicros() + node.getAllEndRelMicros());
                    String type = typeOf(node, graphTypes);
                    if (type.equals("_SOURCE") || type.equals("_Recv") || type.equals("_Send") || type.equals("NoOp")) {
                        continue;
                    }
                    add(types, type, micros);
                    add(phases, phaseOf(node.getNodeName()), micros);
                    total += micros;
                }
            }
            if (first <= last) {
                wall += last - first;
            }
        }
        int n = traces.size();
        return new StepProfile(n, wall / n, total / n, entries(types, total, n), entries(phases, total, n));
    }

    public int steps() {
        return steps;
    }

    /** From the first op's start to the last op's end, averaged over the steps. */
    public double wallMicrosPerStep() {
        return wallMicrosPerStep;
    }

    /** The sum of every op's compute time in a step. */
    public double opMicrosPerStep() {
        return opMicrosPerStep;
    }

    /** Op types, the most expensive first. */
    public List<Entry> byType() {
        return byType;
    }

    /** Forward pass, backward pass (gradients), optimizer updates and the rest, the most expensive first. */
    public List<Entry> byPhase() {
        return byPhase;
    }

    static String typeOf(NodeExecStats node, Map<String, String> graphTypes) {
        String label = node.getTimelineLabel();
        int equals = label.indexOf(" = ");
        if (equals >= 0) {
            int open = label.indexOf('(', equals);
            String type = (open < 0 ? label.substring(equals + 3) : label.substring(equals + 3, open)).trim();
            if (!type.isEmpty()) {
                return type;
            }
        }
        return graphTypes.getOrDefault(node.getNodeName(), node.getNodeName());
    }

    static String phaseOf(String nodeName) {
        if (nodeName.toLowerCase(java.util.Locale.ROOT).contains("gradients")) {
            return "backward";
        }
        if (nodeName.contains("apply_") || nodeName.contains("update_")) {
            return "optimizer and state updates";
        }
        if (nodeName.startsWith("inference/") || nodeName.startsWith("training_forward/")) {
            return "forward";
        }
        return "other (loss, feeds, reads)";
    }

    private static void add(Map<String, double[]> sums, String key, long micros) {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += micros;
        sum[1] += 1;
    }

    private static List<Entry> entries(Map<String, double[]> sums, double total, int steps) {
        List<Entry> entries = new ArrayList<>();
        sums.forEach((key, sum) -> entries.add(
                new Entry(key, sum[0] / steps, total > 0 ? sum[0] / total : 0, sum[1] / steps)));
        entries.sort(Comparator.comparingDouble(Entry::microsPerStep).reversed());
        return List.copyOf(entries);
    }
}
