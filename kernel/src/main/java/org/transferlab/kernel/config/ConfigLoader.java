package org.transferlab.kernel.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.transferlab.api.PluginKind;
import org.transferlab.kernel.plugin.PluginCatalog;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code experiments.yaml}: composes it safely into YAML nodes, binds them onto {@link ExperimentConfig} and the
 * plugins' options records, checks the Bean Validation constraints, and checks aliases and sizes against each other and
 * against the plugins. Every problem is collected and reported together, sorted by position; only a file that is not
 * YAML at all stops at its first problem.
 */
public final class ConfigLoader {

    /** No file this large can be within {@link YamlComposer#MAX_CODE_POINTS}: a code point takes at most 4 bytes. */
    private static final long MAX_BYTES = 4L * YamlComposer.MAX_CODE_POINTS;

    private ConfigLoader() {
    }

    public static LoadedExperiment load(Path file, PluginCatalog catalog) throws ConfigException {
        requireNonNull(file, "file is null");
        requireNonNull(catalog, "catalog is null");
        ErrorCollector errors = new ErrorCollector(file.toString());
        byte[] bytes = read(file, errors);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(1, 1, YamlPath.ROOT, "the file is not UTF-8 text");
            throw errors.toException();
        }
        return load(text, bytes, file, errors, catalog);
    }

    /** Loads YAML text that is not in a file; {@code displayName} stands for the file name in errors. */
    public static LoadedExperiment load(String yamlText, String displayName, PluginCatalog catalog)
            throws ConfigException {
        requireNonNull(yamlText, "yamlText is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(catalog, "catalog is null");
        return load(yamlText, yamlText.getBytes(StandardCharsets.UTF_8), Path.of(displayName),
                new ErrorCollector(displayName), catalog);
    }

    /**
     * Binds and validates one plugin entry given as YAML text, e.g. {@code plugin: mlp-mixer} and {@code depth: 2} on
     * separate lines, as on the command line of {@code models describe}; option lists are not expanded.
     */
    public static PluginRef loadPluginEntry(String yamlText, String displayName, PluginKind kind,
                                            PluginCatalog catalog) throws ConfigException {
        requireNonNull(yamlText, "yamlText is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(catalog, "catalog is null");
        ErrorCollector errors = new ErrorCollector(requireNonNull(displayName, "displayName is null"));
        Node root = YamlComposer.compose(yamlText, errors);
        YamlStructureCheck.Result structure = YamlStructureCheck.check(root, errors);
        if (structure.cyclic()) {
            throw errors.toException();
        }
        NodeIndex index = new NodeIndex();
        RecordBinder binder = new RecordBinder(catalog, errors, index, structure.rejected());
        PluginRefBinder entries = new PluginRefBinder(binder, catalog, errors, index);
        PluginRef entry = entries.bind(root, YamlPath.ROOT, kind, false);
        if (entry != null) {
            new ConstraintCheck(index, errors).checkOptions(entries.boundOptions());
        }
        if (!errors.isEmpty() || entry == null) {
            throw errors.toException();
        }
        return entry;
    }

    private static LoadedExperiment load(
            String text, byte[] bytes, Path file, ErrorCollector errors, PluginCatalog catalog) throws ConfigException {
        Node root = YamlComposer.compose(text, errors);
        YamlStructureCheck.Result structure = YamlStructureCheck.check(root, errors);
        if (structure.cyclic()) {
            throw errors.toException();
        }
        NodeIndex index = new NodeIndex();
        RecordBinder binder = new RecordBinder(catalog, errors, index, structure.rejected());
        ExperimentConfig config = (ExperimentConfig) binder.bind(root, ExperimentConfig.class, YamlPath.ROOT, null);
        if (config == null) {
            if (errors.isEmpty()) {
                errors.add(root, YamlPath.ROOT, "the file holds no settings (" + YamlNodes.describe(root)
                        + "); it must be a mapping with experiment, datasets, models and the other keys");
            }
            throw errors.toException();
        }
        new ConstraintCheck(index, errors).check(config, binder.boundOptions());
        new AliasCheck(config, index, errors).check();
        new ClusterCheck(config, index, errors).check();
        new EntryCheck(config, index, errors).check();
        new CapacityCheck(config, new PluginFacts(config, catalog, index, errors), index, errors).check();
        if (!errors.isEmpty()) {
            throw errors.toException();
        }
        return new LoadedExperiment(file, sha256(bytes), config, locator(file.toString(), index));
    }

    private static ConfigLocator locator(String file, NodeIndex index) {
        return new ConfigLocator() {
            @Override
            public ConfigException locate(List<Problem> problems) {
                ErrorCollector errors = new ErrorCollector(file);
                for (Problem problem : problems) {
                    YamlPath path = new YamlPath(problem.path());
                    errors.add(index.valueOrEnclosing(path), path, problem.message());
                }
                return errors.toException();
            }

            @Override
            public String describe(List<Object> segments) {
                YamlPath path = new YamlPath(segments);
                return path + " (line " + (index.valueOrEnclosing(path).getStartMark().getLine() + 1) + ")";
            }
        };
    }

    private static byte[] read(Path file, ErrorCollector errors) throws ConfigException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                errors.add(1, 1, YamlPath.ROOT,
                        "the file is longer than " + YamlComposer.MAX_CODE_POINTS + " characters");
                throw errors.toException();
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            errors.add(1, 1, YamlPath.ROOT, "the file does not exist");
        } catch (IOException e) {
            errors.add(1, 1, YamlPath.ROOT, "cannot read the file: " + e);
        }
        throw errors.toException();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
