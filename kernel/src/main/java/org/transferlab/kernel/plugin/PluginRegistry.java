package org.transferlab.kernel.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlab.api.ApiVersion;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;
import org.transferlab.kernel.text.VisibleText;

/**
 * Every plugin available to this process: those on the kernel's class path (tests, embedding) and those in a plugins
 * folder, where each sub-folder (or a JAR placed directly in the folder) gets its own {@link PluginClassLoader}. Folders
 * are read in sorted order so that loading is reproducible.
 */
public final class PluginRegistry implements PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<PluginKind, Map<String, LoadedPlugin>> plugins;
    private final List<String> loadFailures;

    private PluginRegistry(Map<PluginKind, Map<String, LoadedPlugin>> plugins, List<String> loadFailures) {
        this.plugins = plugins;
        this.loadFailures = List.copyOf(loadFailures);
    }

    /** Plugins on the given class loader only. */
    public static PluginRegistry fromClassPath(ClassLoader classLoader) {
        return load(classLoader, null);
    }

    /**
     * Plugins on the kernel's class loader plus those in {@code pluginsFolder} (ignored when null or absent).
     *
     * A JAR, or a provider in it, that cannot be used is a {@linkplain #loadFailures() load failure}, never an
     * exception: it stops only experiments that use it.
     */
    public static PluginRegistry load(ClassLoader kernelLoader, Path pluginsFolder) {
        Builder builder = new Builder();
        builder.addAll(kernelLoader, null);
        if (pluginsFolder != null && Files.isDirectory(pluginsFolder)) {
            for (Path entry : sortedEntries(pluginsFolder)) {
                builder.addFolderEntry(entry, kernelLoader);
            }
        }
        return new PluginRegistry(builder.plugins, builder.failures);
    }

    @Override
    public Optional<Provider<?>> find(PluginKind kind, String name) {
        return Optional.ofNullable(plugins.get(kind).get(name)).map(LoadedPlugin::provider);
    }

    @Override
    public List<String> names(PluginKind kind) {
        return List.copyOf(plugins.get(kind).keySet());
    }

    @Override
    public String version(PluginKind kind, String name) {
        return plugin(kind, name).map(LoadedPlugin::version)
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.label() + " plugin named " + name));
    }

    @Override
    public List<String> loadFailures() {
        return loadFailures;
    }

    public Optional<LoadedPlugin> plugin(PluginKind kind, String name) {
        return Optional.ofNullable(plugins.get(kind).get(name));
    }

    /** Every plugin, by kind then name. */
    public List<LoadedPlugin> plugins() {
        List<LoadedPlugin> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.addAll(plugins.get(kind).values());
        }
        return all;
    }

    private static List<Path> sortedEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p) || isJar(p)).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + folder, e);
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static final class Builder {
        private final Map<PluginKind, Map<String, LoadedPlugin>> plugins = new EnumMap<>(PluginKind.class);
        private final List<String> failures = new ArrayList<>();
        /** Names that two providers of a kind claim, with the first one's source. */
        private final Map<PluginKind, Map<String, String>> ambiguous = new EnumMap<>(PluginKind.class);

        Builder() {
            for (PluginKind kind : PluginKind.values()) {
                plugins.put(kind, new TreeMap<>());
                ambiguous.put(kind, new TreeMap<>());
            }
        }

        void addFolderEntry(Path entry, ClassLoader kernelLoader) {
            List<Path> jars = Files.isDirectory(entry) ? jarsIn(entry) : List.of(entry);
            if (jars.isEmpty()) {
                return;
            }
            List<String> problems = new ArrayList<>();
            for (Path jar : jars) {
                checkJar(jar).ifPresent(problems::add);
            }
            if (!problems.isEmpty()) {
                problems.forEach(this::fail);
                return;
            }
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    fail(jar + ": " + e.getMessage());
                    return;
                }
            }
            String name = "plugin-" + entry.getFileName();
            addAll(new PluginClassLoader(name, urls, kernelLoader), entry);
        }

        void addAll(ClassLoader loader, Path folderEntry) {
            for (PluginKind kind : PluginKind.values()) {
                ServiceLoader<? extends Provider> services = ServiceLoader.load(kind.serviceType(), loader);
                var iterator = services.iterator();
                while (true) {
                    Provider<?> provider;
                    try {
                        if (!iterator.hasNext()) {
                            break;
                        }
                        provider = withContextLoader(loader, iterator::next);
                    } catch (ServiceConfigurationError | LinkageError e) {
                        String article = kind == PluginKind.ATTACK ? "an " : "a ";
                        fail((folderEntry == null ? "class path" : folderEntry.toString()) + ": cannot load " + article
                                + kind.label() + " plugin: " + rootMessage(e));
                        continue;
                    }
                    register(kind, provider, folderEntry);
                }
            }
        }

        /**
         * Registers a provider unless it cannot say its name, has an invalid one, or shares it with another provider of
         * its kind. Each of those is a load failure naming the JAR: an experiment that uses the name is told why it is
         * missing, and every other experiment runs.
         */
        private void register(PluginKind kind, Provider<?> provider, Path folderEntry) {
            String source = sourceOf(provider.getClass(), folderEntry);
            String name;
            try {
                name = provider.name();
            } catch (RuntimeException | LinkageError e) {
                fail(source + ": the " + kind.label() + " plugin " + provider.getClass().getName()
                        + " failed to give its name: " + rootMessage(e));
                return;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                fail(source + ": the " + kind.label() + " plugin " + provider.getClass().getName() + " has an invalid "
                        + "name " + (name == null ? "(null)" : "'" + VisibleText.escape(name) + "'") + "; names must match "
                        + NAME.pattern());
                return;
            }
            Map<String, String> ambiguousOfKind = ambiguous.get(kind);
            LoadedPlugin existing = plugins.get(kind).remove(name);
            if (existing != null || ambiguousOfKind.containsKey(name)) {
                String first = existing != null ? existing.source() : ambiguousOfKind.get(name);
                ambiguousOfKind.putIfAbsent(name, first);
                fail("Plugin [" + name + "]: two " + kind.label() + " plugins have this name, one in " + first
                        + " and one in " + source + "; neither is used until one of them is removed");
                return;
            }
            String version = versionOf(provider.getClass());
            plugins.get(kind).put(name, new LoadedPlugin(kind, provider, version, source));
            LOG.debug("loaded {} plugin {} {} from {}", kind.label(), name, version, source);
        }

        private void fail(String message) {
            failures.add(message);
            LOG.warn("plugin not loaded: {}", message);
        }
    }

    /** Reads the JAR once so that a corrupt file or an incompatible API version is reported with its path. */
    private static Optional<String> checkJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            boolean declaresPlugins = file.stream().anyMatch(e -> e.getName().startsWith("META-INF/services/org.transferlab.api."));
            if (!declaresPlugins) {
                return Optional.empty();
            }
            String declared = manifest == null ? null : manifest.getMainAttributes().getValue(ApiVersion.MANIFEST_ATTRIBUTE);
            if (declared == null) {
                return Optional.of(jar + ": the manifest has no " + ApiVersion.MANIFEST_ATTRIBUTE
                        + " attribute; rebuild the plugin against transferlab-api " + ApiVersion.CURRENT);
            }
            ApiVersion builtFor;
            try {
                builtFor = ApiVersion.parse(declared);
            } catch (IllegalArgumentException e) {
                return Optional.of(jar + ": " + e.getMessage());
            }
            if (!ApiVersion.CURRENT.accepts(builtFor)) {
                return Optional.of(jar + ": built for API " + builtFor + ", running " + ApiVersion.CURRENT
                        + "; rebuild the plugin against transferlab-api " + ApiVersion.CURRENT);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(jar + ": not a readable JAR (" + e.getMessage() + ")");
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(PluginRegistry::isJar).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + folder, e);
        }
    }

    private static String sourceOf(Class<?> type, Path folderEntry) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource != null && codeSource.getLocation() != null) {
            try {
                return Path.of(codeSource.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return codeSource.getLocation().toString();
            }
        }
        return folderEntry == null ? "class path" : folderEntry.toString();
    }

    private static String versionOf(Class<?> type) {
        Package pkg = type.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        if (version != null) {
            return version;
        }
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource != null && codeSource.getLocation() != null && codeSource.getLocation().getPath().endsWith(".jar")) {
            try (JarFile jar = new JarFile(Path.of(codeSource.getLocation().toURI()).toFile())) {
                Manifest manifest = jar.getManifest();
                String fromManifest = manifest == null ? null
                        : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                if (fromManifest != null) {
                    return fromManifest;
                }
            } catch (IOException | URISyntaxException e) {
                LOG.debug("cannot read the manifest of {}", codeSource.getLocation(), e);
            }
        }
        return "dev";
    }

    private static <T> T withContextLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
