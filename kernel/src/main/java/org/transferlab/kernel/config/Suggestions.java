package org.transferlab.kernel.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints for misspelt keys, aliases and plugin names. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}: within two edits (one for inputs of three characters or fewer),
     * counting a swap of neighbouring characters as one edit, or one of them a prefix of the other (at least three
     * characters).
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        int allowed = input.length() <= 3 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(input, candidate);
            if (distance > allowed && !sharesPrefix(input, candidate)) {
                continue;
            }
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} when a candidate is close, otherwise {@code "; <label>: a, b, c"}. */
    static String hint(String input, Collection<String> candidates, String label) {
        return closest(input, candidates)
                .map(candidate -> "; did you mean '" + candidate + "'?")
                .orElseGet(() -> "; " + label + ": " + (candidates.isEmpty() ? "none" : String.join(", ", candidates)));
    }

    private static boolean sharesPrefix(String a, String b) {
        return a.length() <= b.length() ? a.length() >= 3 && b.startsWith(a) : b.length() >= 3 && a.startsWith(b);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one each. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
