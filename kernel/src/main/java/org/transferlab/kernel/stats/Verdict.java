package org.transferlab.kernel.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypothesis test of SPEC §6 for one target and attack setting: the parent source (the model the target was
 * fine-tuned from) against each other source, on the same images. Each comparison gets the exact McNemar p-value, the
 * paired difference d = (b − c)/n of transfer success with its Newcombe interval, and a Holm-adjusted p-value over all
 * comparisons of this verdict. It is {@link Outcome#PARENT_BETTER} when the adjusted p is below α and d &gt; 0,
 * {@link Outcome#PARENT_WORSE} when it is below α and d &lt; 0, and {@link Outcome#NO_DIFFERENCE} otherwise.
 *
 * @param alpha       the family-wise significance level
 * @param comparisons in the order the other sources were given
 */
public record Verdict(String parent, double alpha, List<Comparison> comparisons, Summary summary) {

    public static final double DEFAULT_ALPHA = 0.05;

    public enum Outcome {
        PARENT_BETTER, NO_DIFFERENCE, PARENT_WORSE
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
        NO_COMPARISONS, BETTER_THAN_ALL, BETTER_THAN_SOME, NO_DIFFERENCE, WORSE_THAN_SOME, WORSE_THAN_ALL, MIXED
    }

    /**
     * The parent against one other source: A is the parent, B the other source.
     *
     * @param p         the unadjusted exact McNemar p-value
     * @param adjustedP Holm-adjusted over the comparisons of the verdict
     */
    public record Comparison(String source, PairedCounts counts, PairedDifference difference, double p,
            double adjustedP, Outcome outcome) {
    }

    public Verdict {
        comparisons = List.copyOf(comparisons);
    }

    /** Compares with α = 0.05. */
    public static Verdict of(String parent, Map<String, PairedCounts> others) {
        return of(parent, others, DEFAULT_ALPHA);
    }

    /**
     * @param others per other source, the paired table with the parent as A and that source as B
     */
    public static Verdict of(String parent, Map<String, PairedCounts> others, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1): " + alpha);
        }
        List<String> sources = new ArrayList<>(others.keySet());
        double[] p = new double[sources.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = McNemar.exactP(others.get(sources.get(i)));
        }
        double[] adjusted = Holm.adjust(p);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            PairedCounts counts = others.get(sources.get(i));
            PairedDifference difference = PairedDifference.of(counts);
            comparisons.add(new Comparison(sources.get(i), counts, difference, p[i], adjusted[i],
                    outcome(adjusted[i], difference.estimate(), alpha)));
        }
        return new Verdict(parent, alpha, comparisons, summarize(comparisons));
    }

    /**
     * From per-image transfer success: {@code parentTransferred} and each of {@code othersTransferred} over the same
     * images, counting only those where {@code counted} (the target's clean-correct images) is true.
     */
    public static Verdict of(String parent, boolean[] parentTransferred, Map<String, boolean[]> othersTransferred,
            boolean[] counted, double alpha) {
        Map<String, PairedCounts> others = new LinkedHashMap<>();
        othersTransferred.forEach((source, transferred) ->
                others.put(source, PairedCounts.of(parentTransferred, transferred, counted)));
        return of(parent, others, alpha);
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
