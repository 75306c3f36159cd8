package org.transferlab.kernel.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks the whole node tree, before binding, for what no schema may contain: tags other than plain YAML values, merge
 * keys, duplicate keys and aliases that refer to a collection containing them. Each node is visited once, however many
 * aliases point to it.
 */
final class YamlStructureCheck {

    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private final ErrorCollector errors;
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean cyclic;

    /**
     * The outcome of the check.
     *
     * @param rejected  nodes already reported, which the binder skips without a second error
     * @param cyclic    whether some collection contains itself, in which case binding must not start
     */
    record Result(Set<Node> rejected, boolean cyclic) {
    }

    private YamlStructureCheck(ErrorCollector errors) {
        this.errors = errors;
    }

    static Result check(Node root, ErrorCollector errors) {
        YamlStructureCheck check = new YamlStructureCheck(errors);
        check.visit(root, YamlPath.ROOT);
        return new Result(Collections.unmodifiableSet(check.rejected), check.cyclic);
    }

    private void visit(Node node, YamlPath path) {
        if (inProgress.contains(node)) {
            cyclic = true;
            errors.add(node, path, "an alias may not refer to a list or mapping that contains it");
            return;
        }
        if (!visited.add(node)) {
            return;
        }
        checkTag(node, path);
        inProgress.add(node);
        if (node instanceof MappingNode mapping) {
            visitMapping(mapping, path);
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                visit(sequence.getValue().get(i), path.index(i));
            }
        }
        inProgress.remove(node);
    }

    private void visitMapping(MappingNode mapping, YamlPath path) {
        Map<String, Node> firstKeys = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node key = entry.getKeyNode();
            if (!(key instanceof ScalarNode scalarKey)) {
                visit(key, path);
                visit(entry.getValueNode(), path);
                continue;
            }
            YamlPath keyPath = path.key(scalarKey.getValue());
            if (Tag.MERGE.equals(key.getTag())) {
                reject(key, keyPath, "merge keys (<<) are not supported; write the settings out");
                // The settings the merge would have added are missing; saying so as well would only repeat the problem.
                errors.markFailed(path);
                continue;
            }
            Node first = firstKeys.putIfAbsent(scalarKey.getValue(), key);
            if (first != null) {
                reject(key, keyPath, "duplicate key '" + scalarKey.getValue() + "' (first at line "
                        + (first.getStartMark().getLine() + 1) + ")");
            }
            visit(key, keyPath);
            visit(entry.getValueNode(), keyPath);
        }
    }

    private void checkTag(Node node, YamlPath path) {
        Tag tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag) && !Tag.MERGE.equals(tag)) {
            reject(node, path, "tag " + display(tag) + " is not allowed: only plain YAML values are accepted");
        }
    }

    private void reject(Node node, YamlPath path, String message) {
        rejected.add(node);
        errors.add(node, path, message);
    }

    private static String display(Tag tag) {
        String value = tag.getValue();
        if (value.startsWith(Tag.PREFIX)) {
            return "!!" + value.substring(Tag.PREFIX.length());
        }
        return value.startsWith("!") ? value : "!<" + value + ">";
    }
}
