package org.transferlab.kernel.plan;

import java.util.List;
import org.transferlab.kernel.config.ConfigLocator;

/**
 * An experiment that validates entry by entry but cannot be planned as a whole: two declarations give the same task
 * id, or the plan would exceed its size limit. Each problem names the place in the file that causes it.
 */
public final class PlanException extends RuntimeException {

    private final List<ConfigLocator.Problem> problems;

    PlanException(List<ConfigLocator.Problem> problems) {
        super(problems.stream().map(p -> p.path() + ": " + p.message()).reduce((a, b) -> a + "\n" + b).orElseThrow());
        this.problems = List.copyOf(problems);
    }

    public List<ConfigLocator.Problem> problems() {
        return problems;
    }
}
