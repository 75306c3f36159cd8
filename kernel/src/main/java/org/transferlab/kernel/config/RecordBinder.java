package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlab.kernel.plugin.PluginCatalog;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds YAML nodes onto records by walking the node tree, so that every problem keeps the position of the node it
 * concerns. Supported value types: strings, integers, longs, doubles, booleans, enums, {@code List<T>},
 * {@code Map<String, T>} (in file order), records and {@link PluginRef}. A value that cannot be bound becomes null
 * and is reported; binding always carries on with the rest of the document.
 */
final class RecordBinder {

    /** Records that may also be written as a single word. */
    private static final Map<Class<?>, Map<String, Object>> SCALAR_FORMS =
            Map.of(Freeze.class, Map.of("none", Freeze.NONE));

    private final ErrorCollector errors;
    private final NodeIndex index;
    private final Set<Node> rejected;
    private final PluginRefBinder pluginRefs;

    /**
     * One entry of a mapping matched to a record component.
     *
     * @param path  the entry's path, spelt with the component's canonical snake_case name
     */
    record Entry(Node value, YamlPath path) {
    }

    RecordBinder(PluginCatalog catalog, ErrorCollector errors, NodeIndex index, Set<Node> rejected) {
        this.errors = requireNonNull(errors, "errors is null");
        this.index = requireNonNull(index, "index is null");
        this.rejected = requireNonNull(rejected, "rejected is null");
        this.pluginRefs = new PluginRefBinder(this, catalog, errors, index);
    }

    /** Every plugin options record bound so far, for validation. */
    List<BoundOptions> boundOptions() {
        return pluginRefs.boundOptions();
    }

    Object bind(Node node, Type type, YamlPath path, PluginSlot slot) {
        index.putValue(path, node);
        if (isRejected(node)) {
            errors.markFailed(path);
            return null;
        }
        if (!isSupported(type) || rawType(type) == PluginRef.class && slot == null) {
            errors.add(node, path, "values of type " + type.getTypeName() + " cannot be given in an experiment file");
            return null;
        }
        Class<?> raw = rawType(type);
        if (YamlNodes.isNull(node)) {
            if (raw.isPrimitive()) {
                errors.add(node, path, "expected " + ScalarConverter.expected(raw) + ", got null");
            }
            return null;
        }
        if (raw == PluginRef.class) {
            return pluginRefs.bind(node, path, slot);
        }
        if (raw == List.class) {
            return bindList(node, typeArgument(type, 0), path, slot);
        }
        if (raw == Map.class) {
            return bindMap(node, typeArgument(type, 1), path, slot);
        }
        if (raw.isRecord()) {
            return bindRecord(node, raw, path);
        }
        return bindScalar(node, raw, path, slot);
    }

    /** Whether values of {@code type} can be bound (element types of lists and maps are checked when bound). */
    static boolean isSupported(Type type) {
        Class<?> raw = rawType(type);
        if (raw == List.class) {
            return type instanceof ParameterizedType;
        }
        if (raw == Map.class) {
            return type instanceof ParameterizedType && typeArgument(type, 0) == String.class;
        }
        return raw == PluginRef.class || raw.isRecord() || ScalarConverter.supports(raw);
    }

    boolean isRejected(Node node) {
        return rejected.contains(node);
    }

    /**
     * Matches the keys of {@code mapping} to the components of {@code recordType}, reporting unknown and repeated keys.
     * Keys in {@code reserved} are left to the caller.
     *
     * @return component name to its entry, in file order
     */
    Map<String, Entry> matchKeys(MappingNode mapping, Class<?> recordType, YamlPath path, Set<String> reserved) {
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            byName.put(YamlKeys.yamlName(component.getName()), component);
        }
        Map<String, Node> seen = new HashMap<>();
        Map<String, Entry> matched = new LinkedHashMap<>();
        for (NodeTuple tuple : plainKeyed(mapping, path)) {
            Node keyNode = tuple.getKeyNode();
            String key = ((ScalarNode) keyNode).getValue();
            if (reserved.contains(key)) {
                continue;
            }
            String canonical = YamlKeys.canonical(key);
            RecordComponent component = byName.get(canonical);
            if (component == null) {
                errors.add(keyNode, path.key(key),
                        "unknown key '" + key + "'" + Suggestions.hint(canonical, byName.keySet(), "known keys"));
                continue;
            }
            YamlPath entryPath = path.key(canonical);
            Node first = seen.putIfAbsent(canonical, keyNode);
            if (first != null) {
                errors.add(keyNode, entryPath,
                        "duplicate key '" + key + "' (first at line " + YamlNodes.line(first) + ")");
                continue;
            }
            index.putKey(entryPath, keyNode);
            matched.put(component.getName(), new Entry(tuple.getValueNode(), entryPath));
        }
        return matched;
    }

    /** The entries of a mapping whose keys are plain scalars; other keys are reported (once) and left out. */
    private List<NodeTuple> plainKeyed(MappingNode mapping, YamlPath path) {
        List<NodeTuple> plain = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isRejected(keyNode)) {
                continue;
            }
            if (keyNode instanceof ScalarNode) {
                plain.add(tuple);
            } else {
                errors.add(keyNode, path, "keys must be plain names, got " + YamlNodes.describe(keyNode));
            }
        }
        return plain;
    }

    /**
     * Calls the canonical constructor. A primitive component without a value is reported as required and given its
     * zero value, so that the rest of the record can still be checked.
     */
    Object construct(Class<?> recordType, Object[] arguments, Node node, YamlPath path) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = arguments.clone();
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            if (values[i] == null && type.isPrimitive()) {
                YamlPath componentPath = path.key(YamlKeys.yamlName(components[i].getName()));
                if (!index.hasValue(componentPath)) {
                    errors.add(node, componentPath, "is required");
                }
                values[i] = Array.get(Array.newInstance(type, 1), 0);
            }
        }
        try {
            Constructor<?> constructor = recordType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            if (!constructor.canAccess(null)) {
                constructor.setAccessible(true);
            }
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            errors.add(node, path, "invalid settings: "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            errors.add(node, path, "cannot create " + recordType.getName() + ": " + e);
        }
        return null;
    }

    private Object bindRecord(Node node, Class<?> recordType, YamlPath path) {
        Map<String, Object> scalarForms = SCALAR_FORMS.get(recordType);
        if (scalarForms != null && node instanceof ScalarNode scalar) {
            Object form = scalarForms.get(scalar.getValue());
            if (form == null) {
                errors.add(node, path, "expected " + String.join(" or ", scalarForms.keySet()) + " or a mapping, got "
                        + YamlNodes.describe(node));
            }
            return form;
        }
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "expected a mapping, got " + YamlNodes.describe(node));
            return null;
        }
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Map<String, Entry> entries = matchKeys(mapping, recordType, path, Set.of());
        for (int i = 0; i < components.length; i++) {
            Entry entry = entries.get(components[i].getName());
            if (entry != null) {
                arguments[i] = bind(entry.value(), components[i].getGenericType(), entry.path(),
                        components[i].getAnnotation(PluginSlot.class));
            }
        }
        return construct(recordType, arguments, mapping, path);
    }

    private List<Object> bindList(Node node, Type elementType, YamlPath path, PluginSlot slot) {
        if (!(node instanceof SequenceNode sequence)) {
            String hint = node instanceof ScalarNode scalar
                    ? " (write [" + scalar.getValue() + "] for a list of one)"
                    : "";
            errors.add(node, path, "expected a list, got " + YamlNodes.describe(node) + hint);
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node element = sequence.getValue().get(i);
            if (isEmptyEntry(element, path.index(i))) {
                continue;
            }
            values.add(bind(element, elementType, path.index(i), slot));
        }
        return Collections.unmodifiableList(values);
    }

    private Map<String, Object> bindMap(Node node, Type valueType, YamlPath path, PluginSlot slot) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "expected a mapping, got " + YamlNodes.describe(node));
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : plainKeyed(mapping, path)) {
            Node keyNode = tuple.getKeyNode();
            ScalarNode scalarKey = (ScalarNode) keyNode;
            YamlPath entryPath = path.key(scalarKey.getValue());
            index.putKey(entryPath, keyNode);
            if (isEmptyEntry(tuple.getValueNode(), entryPath)) {
                continue;
            }
            values.put(scalarKey.getValue(), bind(tuple.getValueNode(), valueType, entryPath, slot));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * A list element or map entry written {@code ~}, {@code null} or with nothing after its colon is reported and left
     * out, so that no check after binding meets a null where the file promised a value.
     */
    private boolean isEmptyEntry(Node node, YamlPath path) {
        if (!YamlNodes.isNull(node) || isRejected(node)) {
            return false;
        }
        index.putValue(path, node);
        errors.add(node, path, "is empty (null); give it a value or remove the entry");
        return true;
    }

    private Object bindScalar(Node node, Class<?> type, YamlPath path, PluginSlot slot) {
        if (!(node instanceof ScalarNode scalar)) {
            errors.add(node, path, "expected " + ScalarConverter.expected(type) + ", got " + YamlNodes.describe(node));
            return null;
        }
        try {
            Object value = ScalarConverter.convert(scalar.getValue(), type);
            if (slot != null && value instanceof String name) {
                pluginRefs.checkPluginName(node, name, path, slot.value());
            }
            return value;
        } catch (InvalidValueException e) {
            errors.add(node, path, e.getMessage());
            return null;
        }
    }

    private static Type typeArgument(Type type, int position) {
        return ((ParameterizedType) type).getActualTypeArguments()[position];
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }
}
