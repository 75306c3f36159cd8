package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The YAML node behind every bound value and mapping key, by path, so that checks that run after binding can point at
 * the line and column the user wrote.
 */
final class NodeIndex {

    private final Map<YamlPath, Node> values = new HashMap<>();
    private final Map<YamlPath, Node> keys = new HashMap<>();

    void putValue(YamlPath path, Node node) {
        values.putIfAbsent(path, requireNonNull(node, "node is null"));
    }

    void putKey(YamlPath path, Node node) {
        keys.putIfAbsent(path, requireNonNull(node, "node is null"));
    }

    boolean hasValue(YamlPath path) {
        return values.containsKey(path);
    }

    /** The node at {@code path}, or else the nearest enclosing one (the mapping that lacks a key, say). */
    Node valueOrEnclosing(YamlPath path) {
        YamlPath current = path;
        while (!values.containsKey(current) && !current.isRoot()) {
            current = current.parent();
        }
        Node node = values.get(current);
        if (node == null) {
            throw new IllegalStateException("the document root was never bound");
        }
        return node;
    }

    /** The key node of the mapping entry at {@code path}, or else the nearest enclosing value. */
    Node keyOrEnclosing(YamlPath path) {
        Node key = keys.get(path);
        return key != null ? key : valueOrEnclosing(path);
    }
}
