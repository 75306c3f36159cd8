package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import org.transferlab.kernel.text.VisibleText;

/**
 * One problem in an experiment file, shown as {@code file:line:column: path: message} (without {@code path: } when the
 * problem concerns the whole document). Lines and columns start at 1.
 *
 * @param path  where in the document, e.g. {@code attack.methods[0].eps}; empty for the whole document
 */
public record ConfigError(String file, int line, int column, String path, String message)
        implements Comparable<ConfigError> {

    private static final Comparator<ConfigError> ORDER = Comparator.comparing(ConfigError::file)
            .thenComparingInt(ConfigError::line)
            .thenComparingInt(ConfigError::column)
            .thenComparing(ConfigError::path)
            .thenComparing(ConfigError::message);

    public ConfigError {
        requireNonNull(file, "file is null");
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public int compareTo(ConfigError other) {
        return ORDER.compare(this, other);
    }

    /** One line; whatever the file's keys and values hold is shown escaped, never acted on by the terminal. */
    @Override
    public String toString() {
        String position = file + ":" + line + ":" + column + ": ";
        return VisibleText.escape(path.isEmpty() ? position + message : position + path + ": " + message);
    }
}
