package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.FreezeGlob;

/** Resolves a {@link Freeze} rule against a model's parameter names, in canonical order. */
public final class Freezing {

    private Freezing() {
    }

    /** The names of the frozen parameters, in canonical order. */
    public static Set<String> frozenParameters(Freeze freeze, List<String> parameterNames) {
        requireNonNull(freeze, "freeze is null");
        requireNonNull(parameterNames, "parameterNames is null");
        if (!freeze.isSingleRule()) {
            throw new IllegalArgumentException("freeze gives more than one of first, last and params");
        }
        if (freeze.first() != null) {
            return ordered(parameterNames.subList(0, checkedCount("first", freeze.first(), parameterNames)));
        }
        if (freeze.last() != null) {
            int count = checkedCount("last", freeze.last(), parameterNames);
            return ordered(parameterNames.subList(parameterNames.size() - count, parameterNames.size()));
        }
        if (freeze.params() != null) {
            return matchingGlobs(freeze.params(), parameterNames);
        }
        return Set.of();
    }

    private static int checkedCount(String rule, int count, List<String> parameterNames) {
        if (count < 0 || count > parameterNames.size()) {
            throw new IllegalArgumentException("freeze " + rule + ": " + count + " is more than the model's "
                    + parameterNames.size() + " parameter tensors");
        }
        return count;
    }

    private static Set<String> matchingGlobs(List<String> globs, List<String> parameterNames) {
        Set<String> frozen = new LinkedHashSet<>();
        for (String glob : globs) {
            Pattern pattern = FreezeGlob.pattern(glob);
            List<String> matches = parameterNames.stream().filter(name -> pattern.matcher(name).matches()).toList();
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("freeze params: '" + glob + "' matches no parameter of the model ("
                        + String.join(", ", parameterNames) + ")");
            }
            frozen.addAll(matches);
        }
        return ordered(parameterNames.stream().filter(frozen::contains).toList());
    }

    private static Set<String> ordered(List<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
