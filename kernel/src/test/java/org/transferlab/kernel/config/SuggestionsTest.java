package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("epochs", "batch_size", "optimizer", "learning_rate");

    @Test
    void suggestsACandidateWithinTwoEdits() {
        assertEquals(Optional.of("learning_rate"), Suggestions.closest("lerning_rat", KEYS));
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, Suggestions.editDistance("mnsit", "mnist"));
        assertEquals(Optional.of("mnist"), Suggestions.closest("mnsit", List.of("kmnist", "mnist")));
    }

    @Test
    void suggestsACandidateThatSharesAPrefixWithTheInput() {
        assertEquals(Optional.of("optimizer"), Suggestions.closest("optim", KEYS));
        assertEquals(Optional.of("pgd"), Suggestions.closest("pgd-linf", List.of("fgsm", "pgd")));
    }

    @Test
    void allowsOneEditForShortInputs() {
        assertEquals(Optional.of("eps"), Suggestions.closest("epz", List.of("eps", "steps")));
        assertEquals(Optional.empty(), Suggestions.closest("ab", List.of("xy")));
    }

    @Test
    void prefersTheCloserCandidate() {
        assertEquals(Optional.of("mnist"), Suggestions.closest("mnist2", List.of("kmnist", "mnist")));
    }

    @Test
    void listsTheCandidatesWhenNoneIsClose() {
        assertEquals("; known keys: epochs, batch_size, optimizer, learning_rate",
                Suggestions.hint("weather", KEYS, "known keys"));
        assertEquals("; did you mean 'epochs'?", Suggestions.hint("epoch", KEYS, "known keys"));
        assertEquals("; available: none", Suggestions.hint("fgsm", List.of(), "available"));
    }
}
