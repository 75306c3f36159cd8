package org.transferlab.kernel.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** How a node reads in an error message, and whether it stands for "no value". */
final class YamlNodes {

    private static final int LONGEST_QUOTED_VALUE = 40;

    private YamlNodes() {
    }

    /** True for {@code ~}, {@code null} and an empty value. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** {@code 'ten'}, {@code null}, {@code a list} or {@code a mapping}. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return isNull(node) ? "null" : quote(scalar.getValue());
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    static String quote(String text) {
        String shown = text.length() <= LONGEST_QUOTED_VALUE
                ? text
                : text.substring(0, LONGEST_QUOTED_VALUE - 3) + "...";
        return "'" + shown + "'";
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
