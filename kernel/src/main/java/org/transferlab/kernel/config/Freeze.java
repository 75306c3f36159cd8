package org.transferlab.kernel.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Which parameters keep their pre-trained values: {@code {first: N}}, {@code {last: N}} (counted in the model's
 * canonical order), {@code {params: [glob, ...]}} (by name), or the scalar {@code none}, which binds to a record with
 * every component absent.
 */
public record Freeze(@Min(0) Integer first, @Min(0) Integer last, List<String> params) {

    public static final Freeze NONE = new Freeze(null, null, null);

    @AssertTrue(message = "give at most one of first, last and params")
    public boolean isSingleRule() {
        int rules = (first != null ? 1 : 0) + (last != null ? 1 : 0) + (params != null ? 1 : 0);
        return rules <= 1;
    }

    public boolean isNone() {
        return first == null && last == null && params == null;
    }

    /** A short stable label for task ids: {@code first8}, {@code last2}, {@code params-3}, {@code none}. */
    public String label() {
        if (first != null) {
            return "first" + first;
        }
        if (last != null) {
            return "last" + last;
        }
        if (params != null) {
            return "params" + Integer.toHexString(params.hashCode());
        }
        return "none";
    }
}
