package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;
import org.transferlab.kernel.plugin.PluginCatalog;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a plugin entry, {@code {plugin: name, option: value, ...}}: looks the plugin up in the catalog and binds the
 * other keys onto its options record. Where the slot allows it, a list given for a single-valued option expands the
 * entry into the cartesian product of all such lists, in file order, the first list varying slowest.
 */
final class PluginRefBinder {

    static final int MAX_VARIANTS = 10_000;
    static final String PLUGIN_KEY = "plugin";
    /** On a model entry: a PyTorch state_dict file to use as the pre-trained model instead of training it. */
    static final String WEIGHTS_KEY = "weights";

    private final RecordBinder records;
    private final PluginCatalog catalog;
    private final ErrorCollector errors;
    private final NodeIndex index;
    private final List<BoundOptions> boundOptions = new ArrayList<>();

    /** One value an option takes in some of the entry's settings, and the path it was bound from. */
    private record Choice(Object value, YamlPath path) {
    }

    PluginRefBinder(RecordBinder records, PluginCatalog catalog, ErrorCollector errors, NodeIndex index) {
        this.records = requireNonNull(records, "records is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.index = requireNonNull(index, "index is null");
    }

    List<BoundOptions> boundOptions() {
        return List.copyOf(boundOptions);
    }

    PluginRef bind(Node node, YamlPath path, PluginSlot slot) {
        requireNonNull(slot, "slot is null");
        return bind(node, path, slot.value(), slot.expandsLists());
    }

    /** Binds an entry naming a plugin of {@code kind}; {@code expands} tells whether option lists expand it. */
    PluginRef bind(Node node, YamlPath path, PluginKind kind, boolean expands) {
        requireNonNull(kind, "kind is null");
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path,
                    "expected a mapping with a '" + PLUGIN_KEY + "' key, got " + YamlNodes.describe(node));
            return null;
        }
        Optional<NodeTuple> pluginEntry = mapping.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key && PLUGIN_KEY.equals(key.getValue()))
                .filter(tuple -> !records.isRejected(tuple.getKeyNode()))
                .findFirst();
        YamlPath pluginPath = path.key(PLUGIN_KEY);
        if (pluginEntry.isEmpty()) {
            errors.add(node, pluginPath, "is required");
            return null;
        }
        Node nameNode = pluginEntry.get().getValueNode();
        index.putKey(pluginPath, pluginEntry.get().getKeyNode());
        index.putValue(pluginPath, nameNode);
        if (records.isRejected(nameNode)) {
            errors.markFailed(pluginPath);
            return null;
        }
        if (!(nameNode instanceof ScalarNode scalar) || YamlNodes.isNull(nameNode)) {
            errors.add(nameNode, pluginPath, "expected a plugin name, got " + YamlNodes.describe(nameNode));
            return null;
        }
        String name = scalar.getValue();
        Optional<Provider<?>> provider = checkPluginName(nameNode, name, pluginPath, kind);
        if (provider.isEmpty()) {
            return null;
        }
        Class<?> optionsType = provider.get().optionsType();
        if (optionsType == null || !optionsType.isRecord()) {
            errors.add(nameNode, pluginPath, "plugin '" + name + "' cannot be configured: its options type "
                    + (optionsType == null ? "is missing" : optionsType.getName() + " is not a record"));
            return null;
        }
        Set<String> reserved = kind == PluginKind.MODEL ? Set.of(PLUGIN_KEY, WEIGHTS_KEY) : Set.of(PLUGIN_KEY);
        String weights = kind == PluginKind.MODEL ? weights(mapping, path) : null;
        List<Record> variants = bindVariants(mapping, optionsType, path, expands, reserved);
        return variants == null ? null : new PluginRef(name, variants, weights);
    }

    /** A model entry's {@code weights:} path, if it gives one. */
    private String weights(MappingNode mapping, YamlPath path) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && WEIGHTS_KEY.equals(key.getValue())
                    && !records.isRejected(tuple.getKeyNode())) {
                YamlPath weightsPath = path.key(WEIGHTS_KEY);
                index.putKey(weightsPath, key);
                index.putValue(weightsPath, tuple.getValueNode());
                if (tuple.getValueNode() instanceof ScalarNode value && !YamlNodes.isNull(value)
                        && !value.getValue().isBlank()) {
                    return value.getValue();
                }
                errors.add(tuple.getValueNode(), weightsPath, "expected the path of a .npz state_dict, got "
                        + YamlNodes.describe(tuple.getValueNode()));
            }
        }
        return null;
    }

    /** Reports a plugin name that the catalog does not know, with a suggestion, and returns its provider otherwise. */
    Optional<Provider<?>> checkPluginName(Node node, String name, YamlPath path, PluginKind kind) {
        Optional<Provider<?>> provider = catalog.find(kind, name);
        if (provider.isEmpty()) {
            List<String> names = catalog.names(kind);
            String hint = names.isEmpty()
                    ? "; no " + kind.label() + " plugins are loaded"
                    : Suggestions.hint(name, names, "available");
            List<String> failures = catalog.loadFailures();
            String note = failures.isEmpty()
                    ? ""
                    : "; note: some plugin JARs failed to load: " + String.join("; ", failures);
            errors.add(node, path, "unknown " + kind.label() + " plugin '" + name + "'" + hint + note);
        }
        return provider;
    }

    private List<Record> bindVariants(MappingNode mapping, Class<?> optionsType, YamlPath path, boolean expands,
                                      Set<String> reserved) {
        Map<String, RecordBinder.Entry> entries = records.matchKeys(mapping, optionsType, path, reserved);
        RecordComponent[] components = optionsType.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        // Component positions in the order the file gives them, so that expansion follows the file.
        List<Integer> order = new ArrayList<>();
        entries.keySet().forEach(name -> order.add(names.indexOf(name)));
        for (int i = 0; i < components.length; i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        List<List<Choice>> choices = new ArrayList<>();
        long settings = 1;
        for (RecordComponent component : components) {
            List<Choice> componentChoices = choicesFor(component, entries.get(component.getName()), expands);
            choices.add(componentChoices);
            settings *= componentChoices.size();
            if (settings > MAX_VARIANTS) {
                errors.add(mapping, path, "expands into more than " + MAX_VARIANTS + " settings");
                return null;
            }
        }
        return expand(optionsType, components, choices, order, (int) settings, mapping, path);
    }

    private List<Choice> choicesFor(RecordComponent component, RecordBinder.Entry entry, boolean expands) {
        if (entry == null) {
            return List.of(new Choice(null, null));
        }
        PluginSlot slot = component.getAnnotation(PluginSlot.class);
        if (!(entry.value() instanceof SequenceNode sequence) || component.getType() == List.class
                || !RecordBinder.isSupported(component.getGenericType()) || records.isRejected(entry.value())) {
            Object value = records.bind(entry.value(), component.getGenericType(), entry.path(), slot);
            return List.of(new Choice(value, entry.path()));
        }
        index.putValue(entry.path(), sequence);
        if (!expands) {
            errors.add(sequence, entry.path(), "lists expand only attack methods; '"
                    + YamlKeys.yamlName(component.getName()) + "' takes a single value here");
            return List.of(new Choice(null, entry.path()));
        }
        if (sequence.getValue().isEmpty()) {
            errors.add(sequence, entry.path(), "an empty list expands into no settings");
            return List.of(new Choice(null, entry.path()));
        }
        List<Choice> elements = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            YamlPath elementPath = entry.path().index(i);
            Object value = records.bind(sequence.getValue().get(i), component.getGenericType(), elementPath, slot);
            elements.add(new Choice(value, elementPath));
        }
        return elements;
    }

    private List<Record> expand(Class<?> optionsType, RecordComponent[] components, List<List<Choice>> choices,
            List<Integer> order, int settings, MappingNode mapping, YamlPath path) {
        List<Record> variants = new ArrayList<>(settings);
        for (int setting = 0; setting < settings; setting++) {
            Object[] arguments = new Object[components.length];
            Map<String, YamlPath> componentPaths = new HashMap<>();
            int remainder = setting;
            for (int position = order.size() - 1; position >= 0; position--) {
                int component = order.get(position);
                List<Choice> componentChoices = choices.get(component);
                Choice choice = componentChoices.get(remainder % componentChoices.size());
                remainder /= componentChoices.size();
                arguments[component] = choice.value();
                if (choice.path() != null) {
                    componentPaths.put(components[component].getName(), choice.path());
                }
            }
            Object options = records.construct(optionsType, arguments, mapping, path);
            if (options == null) {
                return null;
            }
            variants.add((Record) options);
            boundOptions.add(new BoundOptions((Record) options, path, componentPaths));
        }
        return variants;
    }
}
