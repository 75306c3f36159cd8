package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Where a value sits in the experiment file, shown as errors show it: {@code attack.methods[0].eps}. */
record YamlPath(List<Object> segments) {

    static final YamlPath ROOT = new YamlPath(List.of());

    YamlPath {
        segments = List.copyOf(segments);
    }

    YamlPath key(String name) {
        return append(requireNonNull(name, "name is null"));
    }

    YamlPath index(int index) {
        return append(index);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    YamlPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the document root has no parent");
        }
        return new YamlPath(segments.subList(0, segments.size() - 1));
    }

    boolean startsWith(YamlPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }

    private YamlPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new YamlPath(longer);
    }
}
