package org.transferlab.kernel.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources written by a test and packs them into a JAR, as a plugin author's build would. */
final class TestJars {

    private TestJars() {
    }

    /**
     * @param sources     fully qualified class name → source text
     * @param resources   JAR path → text (e.g. META-INF/services files)
     * @param apiVersion  the {@code Transferlab-Api-Version} manifest attribute, or null for none
     * @param classPath   extra class path for compilation (e.g. a library JAR the plugin bundles)
     */
    static Path build(Path jar, Map<String, String> sources, Map<String, String> resources, String apiVersion,
            List<Path> classPath) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        // The plugin's own libraries come first, as they do in its class loader.
        StringBuilder path = new StringBuilder();
        classPath.forEach(p -> path.append(p).append(java.io.File.pathSeparator));
        path.append(System.getProperty("java.class.path"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", path.toString(), "--release", "17"));
        arguments.addAll(files);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (!files.isEmpty() && compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("test plugin sources did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "7.7.7");
        if (apiVersion != null) {
            manifest.getMainAttributes().putValue("Transferlab-Api-Version", apiVersion);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                add(out, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void add(OutputStream stream, String name, byte[] content) throws IOException {
        JarOutputStream out = (JarOutputStream) stream;
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** Source of a metric plugin named {@code name} whose description is computed by {@code descriptionExpression}. */
    static String metricSource(String packageName, String className, String name, String descriptionExpression) {
        return """
                package %s;

                import java.util.List;
                import org.transferlab.api.NoOptions;
                import org.transferlab.api.metric.Metric;
                import org.transferlab.api.metric.MetricProvider;
                import org.transferlab.api.metric.MetricValue;

                public final class %s implements MetricProvider<NoOptions> {
                    public String name() { return "%s"; }
                    public Class<NoOptions> optionsType() { return NoOptions.class; }
                    public String description() { return %s; }
                    public Metric create(NoOptions options) {
                        return evaluation -> List.of(MetricValue.plain("images", evaluation.size()));
                    }
                }
                """.formatted(packageName, className, name, descriptionExpression);
    }

    static Map<String, String> metricService(String className) {
        return Map.of("META-INF/services/org.transferlab.api.metric.MetricProvider", className + "\n");
    }
}
