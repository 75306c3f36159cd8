package org.transferlab.kernel.stats;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.transferlab.api.metric.PairedMetric.PairedComparison;

/**
 * The verdicts of one target and attack setting, one per {@link ComparisonFamily}: the other sources are split by
 * family and each family's p-values are Holm-adjusted within it. The same-architecture verdict is the headline.
 */
public record FamilyVerdicts(Map<ComparisonFamily, Verdict> verdicts) {

    public FamilyVerdicts {
        verdicts = Map.copyOf(verdicts);
    }

    /**
     * @param others    per other source, in order, its comparison with the parent
     * @param familyOf  the family of each other source
     */
    public static FamilyVerdicts of(String parent, Map<String, PairedComparison> others,
                                    Function<String, ComparisonFamily> familyOf) {
        Map<ComparisonFamily, Map<String, PairedComparison>> split = new EnumMap<>(ComparisonFamily.class);
        for (ComparisonFamily family : ComparisonFamily.values()) {
            split.put(family, new LinkedHashMap<>());
        }
        others.forEach((source, comparison) -> split.get(familyOf.apply(source)).put(source, comparison));
        Map<ComparisonFamily, Verdict> verdicts = new EnumMap<>(ComparisonFamily.class);
        split.forEach((family, members) -> verdicts.put(family, Verdict.of(parent, members)));
        return new FamilyVerdicts(verdicts);
    }

    public Verdict get(ComparisonFamily family) {
        return verdicts.get(family);
    }

    /** The study's question: the parent against sources of its own architecture pre-trained on other data. */
    public Verdict headline() {
        return get(ComparisonFamily.SAME_ARCHITECTURE);
    }
}
