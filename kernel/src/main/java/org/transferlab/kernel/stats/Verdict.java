package org.transferlab.kernel.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlab.api.metric.PairedMetric.PairedComparison;

/**
 * The verdict of SPEC §6 for one target and attack setting: the parent source (the model the target was fine-tuned
 * from) against each other source, on the same images. Each comparison comes from a paired metric (the exact McNemar
 * test, by default) with its p-value and the difference parent − other; the p-values of one verdict are Holm-adjusted
 * together. A comparison is {@link Outcome#PARENT_BETTER} when the adjusted p is below α and the difference is positive,
 * {@link Outcome#PARENT_WORSE} when it is below α and negative, and {@link Outcome#NO_DIFFERENCE} otherwise.
 *
 * @param alpha       the family-wise significance level
 * @param comparisons in the order the other sources were given
 */
public record Verdict(String parent, double alpha, List<Comparison> comparisons, Summary summary) {

    public static final double DEFAULT_ALPHA = 0.05;

    public enum Outcome {
        PARENT_BETTER, NO_DIFFERENCE, PARENT_WORSE;

        /** How the outcome is written in results: {@code parent-better}, {@code no-difference}, {@code parent-worse}. */
        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * The comparisons taken together; every verdict has exactly one.
     * <ul>
     * <li>{@code NO_COMPARISONS}: there is no other source.</li>
     * <li>{@code BETTER_THAN_ALL}: the parent is significantly better than every other source.</li>
     * <li>{@code BETTER_THAN_SOME}: better than at least one, not all, and worse than none.</li>
     * <li>{@code NO_DIFFERENCE}: no comparison is significant.</li>
     * <li>{@code WORSE_THAN_SOME}: worse than at least one, not all, and better than none.</li>
     * <li>{@code WORSE_THAN_ALL}: significantly worse than every other source.</li>
     * <li>{@code MIXED}: better than at least one and worse than at least one.</li>
     * </ul>
     */
    public enum Summary {
        NO_COMPARISONS, BETTER_THAN_ALL, BETTER_THAN_SOME, NO_DIFFERENCE, WORSE_THAN_SOME, WORSE_THAN_ALL, MIXED;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * The parent against one other source.
     *
     * @param adjustedP Holm-adjusted over the comparisons of the verdict
     */
    public record Comparison(String source, PairedComparison result, double adjustedP, Outcome outcome) {

        /** The unadjusted p-value. */
        public double p() {
            return result.pValue();
        }

        /** Parent minus other. */
        public double difference() {
            return result.difference().value();
        }
    }

    public Verdict {
        comparisons = List.copyOf(comparisons);
    }

    /** Compares with α = 0.05. */
    public static Verdict of(String parent, Map<String, PairedComparison> others) {
        return of(parent, others, DEFAULT_ALPHA);
    }

    /** @param others per other source, its comparison with the parent */
    public static Verdict of(String parent, Map<String, PairedComparison> others, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1): " + alpha);
        }
        List<String> sources = new ArrayList<>(others.keySet());
        double[] p = new double[sources.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = others.get(sources.get(i)).pValue();
        }
        double[] adjusted = Holm.adjust(p);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            PairedComparison result = others.get(sources.get(i));
            comparisons.add(new Comparison(sources.get(i), result, adjusted[i],
                    outcome(adjusted[i], result.difference().value(), alpha)));
        }
        return new Verdict(parent, alpha, comparisons, summarize(comparisons));
    }

    static Outcome outcome(double adjustedP, double difference, double alpha) {
        if (adjustedP < alpha && difference > 0) {
            return Outcome.PARENT_BETTER;
        }
        if (adjustedP < alpha && difference < 0) {
            return Outcome.PARENT_WORSE;
        }
        return Outcome.NO_DIFFERENCE;
    }

    static Summary summarize(List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            return Summary.NO_COMPARISONS;
        }
        long better = comparisons.stream().filter(c -> c.outcome() == Outcome.PARENT_BETTER).count();
        long worse = comparisons.stream().filter(c -> c.outcome() == Outcome.PARENT_WORSE).count();
        int all = comparisons.size();
        if (better > 0 && worse > 0) {
            return Summary.MIXED;
        }
        if (better > 0) {
            return better == all ? Summary.BETTER_THAN_ALL : Summary.BETTER_THAN_SOME;
        }
        if (worse > 0) {
            return worse == all ? Summary.WORSE_THAN_ALL : Summary.WORSE_THAN_SOME;
        }
        return Summary.NO_DIFFERENCE;
    }
}
