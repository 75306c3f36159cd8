package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Gathers every problem of one file. It also remembers where binding failed, so that a value that could not be read is
 * not reported a second time by the checks that run on the bound result.
 */
final class ErrorCollector {

    private final String file;
    private final Set<ConfigError> errors = new TreeSet<>();
    private final Set<YamlPath> failedPaths = new HashSet<>();
    private AliasUses aliasUses;

    ErrorCollector(String file) {
        this.file = requireNonNull(file, "file is null");
    }

    void add(Node node, YamlPath path, String message) {
        add(node.getStartMark(), path, message);
    }

    /** A problem in a value that came through an alias is reported where the alias is used, naming its anchor. */
    void add(Mark mark, YamlPath path, String message) {
        Optional<AliasUses.Use> alias = aliasUses == null ? Optional.empty() : aliasUses.enclosing(path);
        if (alias.isPresent()) {
            AliasUses.Use use = alias.get();
            String anchor = use.anchor() == null ? "" : ", anchored at line " + (use.anchor().getLine() + 1);
            add(use.alias().getLine() + 1, use.alias().getColumn() + 1, path,
                    message + " (in the value of alias *" + use.name() + anchor + ")");
            return;
        }
        add(mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

    void locateAliasesWith(AliasUses uses) {
        this.aliasUses = uses;
    }

    void add(int line, int column, YamlPath path, String message) {
        errors.add(new ConfigError(file, line, column, path.toString(), message));
        failedPaths.add(path);
    }

    /** Records that the value at {@code path} is unusable because of a problem already reported elsewhere. */
    void markFailed(YamlPath path) {
        failedPaths.add(path);
    }

    /** Whether the value at {@code path} or one that contains it could not be bound. */
    boolean failedAtOrAbove(YamlPath path) {
        return failedPaths.stream().anyMatch(path::startsWith);
    }

    /** Whether anything at, above or below {@code path} could not be bound or validated. */
    boolean failedAnywhereAlong(YamlPath path) {
        return failedPaths.stream().anyMatch(failed -> path.startsWith(failed) || failed.startsWith(path));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    ConfigException toException() {
        return new ConfigException(new ArrayList<>(errors));
    }
}
