package org.transferlab.kernel.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Where the file uses each alias, by the path the alias stands at. SnakeYAML's node tree shares the anchored node
 * between the anchor and every alias, so a mistake in an aliased value would otherwise be reported at the anchor, not
 * where the value is used. Built from the parser's events, which still see aliases as written.
 */
final class AliasUses {

    /** One use: where {@code *name} is written and where {@code &name} is. */
    record Use(String name, Mark alias, Mark anchor) {
    }

    private final Map<YamlPath, Use> uses = new HashMap<>();
    private final Map<String, Mark> anchors = new HashMap<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    private static final class Frame {
        final YamlPath path;
        final boolean mapping;
        int index;
        boolean atKey = true;
        String key;

        Frame(YamlPath path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    /** Follows one event as the composer consumes it. */
    void accept(Event event) {
        if (event instanceof CollectionEndEvent) {
            frames.pop();
            return;
        }
        if (!(event instanceof NodeEvent node)) {
            return;
        }
        YamlPath path = pathOfNext(event);
        if (event instanceof AliasEvent alias) {
            // A merge key's alias is refused as a merge, at the key.
            if (path != null && !path.segments().isEmpty() && !"<<".equals(path.segments().get(path.segments().size() - 1))) {
                uses.putIfAbsent(path, new Use(alias.getAnchor(), alias.getStartMark(), anchors.get(alias.getAnchor())));
            }
            return;
        }
        if (node.getAnchor() != null) {
            anchors.put(node.getAnchor(), event.getStartMark());
        }
        if (event instanceof CollectionStartEvent) {
            Frame parent = frames.peek();
            frames.push(new Frame(path != null ? path : parent.path, event instanceof MappingStartEvent));
        }
    }

    /** The path of the node this event starts, or null for a mapping key. */
    private YamlPath pathOfNext(Event event) {
        Frame parent = frames.peek();
        if (parent == null) {
            return YamlPath.ROOT;
        }
        if (!parent.mapping) {
            return parent.path.index(parent.index++);
        }
        if (parent.atKey) {
            parent.atKey = false;
            parent.key = event instanceof ScalarEvent scalar ? scalar.getValue() : null;
            return null;
        }
        parent.atKey = true;
        return parent.key == null ? parent.path : parent.path.key(parent.key);
    }

    /** The alias use at {@code path} or nearest above it, if the value there came through an alias. */
    Optional<Use> enclosing(YamlPath path) {
        for (YamlPath current = path; ; current = current.parent()) {
            Use use = uses.get(current);
            if (use != null) {
                return Optional.of(use);
            }
            if (current.isRoot()) {
                return Optional.empty();
            }
        }
    }
}
