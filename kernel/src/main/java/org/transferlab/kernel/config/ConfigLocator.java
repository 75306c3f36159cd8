package org.transferlab.kernel.config;

import java.util.List;

/**
 * Turns problems that later stages find in a loaded experiment (planning, say) into the located errors that loading
 * reports: {@code file:line:column: path: message}. A path is a list of mapping keys (strings) and list positions
 * (integers), e.g. {@code ["finetune", 0, "subset", 2]}.
 */
public interface ConfigLocator {

    /** One problem at a path of the file. */
    record Problem(List<Object> path, String message) {
        public Problem {
            path = List.copyOf(path);
        }
    }

    /** The problems as one exception, each at the line and column of its path (or of the nearest enclosing value). */
    ConfigException locate(List<Problem> problems);

    /** {@code finetune[0].subset[2] (line 41)}, for messages that point at a second place. */
    String describe(List<Object> path);
}
