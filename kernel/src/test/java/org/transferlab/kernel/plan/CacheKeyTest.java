package org.transferlab.kernel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    record OptionsBefore(Double eps) {
    }

    /** The same options after a plugin added an optional option whose absence means the old behaviour. */
    record OptionsAfter(Double eps, String target) {
    }

    @Test
    void anAbsentOptionLeavesTheKeyAsItWasBeforeTheOptionExisted() {
        assertEquals(CacheKey.of(Map.of("options", new OptionsBefore(0.1))),
                CacheKey.of(Map.of("options", new OptionsAfter(0.1, null))));
        assertNotEquals(CacheKey.of(Map.of("options", new OptionsBefore(0.1))),
                CacheKey.of(Map.of("options", new OptionsAfter(0.1, "random"))));
    }

    @Test
    void keysDependOnContentNotOnTheOrderOfEntries() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 2);
        one.put("a", 1);
        one.put("c", null);
        Map<String, Object> other = new HashMap<>(Map.of("a", 1, "b", 2));
        assertEquals(CacheKey.of(one), CacheKey.of(other));
        assertNotEquals(CacheKey.of(one), CacheKey.of(Map.of("a", 1, "b", 3)));
    }
}
