package org.transferlab.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.ApiVersion;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;

class PluginRegistryTest {

    @TempDir
    Path temp;

    private Path pluginFolder(String name) throws Exception {
        return Files.createDirectories(temp.resolve("plugins").resolve(name));
    }

    private Path metricJar(Path folder, String className, String name, String apiVersion) throws Exception {
        return TestJars.build(folder.resolve(name + ".jar"),
                Map.of(className, TestJars.metricSource(className.substring(0, className.lastIndexOf('.')),
                        className.substring(className.lastIndexOf('.') + 1), name, "\"test metric\"")),
                TestJars.metricService(className), apiVersion, List.of());
    }

    private PluginRegistry load() {
        return PluginRegistry.load(getClass().getClassLoader(), temp.resolve("plugins"));
    }

    @Test
    void loadsAPluginFolderWithItsVersionAndJar() throws Exception {
        Path jar = metricJar(pluginFolder("counting"), "com.acme.Counting", "count-images", ApiVersion.CURRENT.toString());
        PluginRegistry registry = load();
        LoadedPlugin plugin = registry.plugin(PluginKind.METRIC, "count-images").orElseThrow();
        assertEquals("7.7.7", plugin.version());
        assertEquals(jar.toString(), plugin.source());
        assertTrue(registry.loadFailures().isEmpty());
    }

    @Test
    void aPluginUsesItsOwnCopyOfALibraryTheKernelAlsoHas() throws Exception {
        // The plugin bundles its own picocli.CommandLine, with a method the kernel's picocli does not have.
        Path folder = pluginFolder("isolated");
        Path library = TestJars.build(folder.resolve("picocli-plugin-copy.jar"),
                Map.of("picocli.CommandLine", "package picocli; public class CommandLine {"
                        + " public static String bundledVersion() { return \"0.1-plugin-copy\"; } }"),
                Map.of(), null, List.of());
        Files.move(library, temp.resolve("lib.jar"));
        TestJars.build(folder.resolve("isolated.jar"),
                Map.of("com.acme.Isolated", TestJars.metricSource("com.acme", "Isolated", "isolated",
                        "\"picocli \" + picocli.CommandLine.bundledVersion()")),
                TestJars.metricService("com.acme.Isolated"), ApiVersion.CURRENT.toString(), List.of(temp.resolve("lib.jar")));
        Files.move(temp.resolve("lib.jar"), folder.resolve("picocli-plugin-copy.jar"));

        Provider<?> provider = load().find(PluginKind.METRIC, "isolated").orElseThrow();

        assertEquals("picocli 0.1-plugin-copy", provider.description());
        assertEquals("4.7.7", picocli.CommandLine.VERSION, "the kernel keeps its own picocli");
    }

    @Test
    void aPluginCannotSeeTheKernelsPrivateLibraries() throws Exception {
        metricJar(pluginFolder("plain"), "com.acme.Plain", "plain", ApiVersion.CURRENT.toString());
        ClassLoader pluginLoader = load().find(PluginKind.METRIC, "plain").orElseThrow().getClass().getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass("org.yaml.snakeyaml.Yaml"));
        assertEquals(Provider.class, pluginLoader.loadClass(Provider.class.getName()), "the API is shared");
    }

    @Test
    void duplicateNamesAreAnErrorNamingBothJarsAndNeitherIsUsed() throws Exception {
        Path first = metricJar(pluginFolder("a"), "com.acme.First", "same-name", ApiVersion.CURRENT.toString());
        Path second = metricJar(pluginFolder("b"), "com.acme.Second", "same-name", ApiVersion.CURRENT.toString());
        metricJar(pluginFolder("c"), "com.acme.Third", "other-name", ApiVersion.CURRENT.toString());
        PluginRegistry registry = load();
        assertEquals(List.of("Plugin [same-name]: two metric plugins have this name, one in " + first + " and one in "
                + second + "; neither is used until one of them is removed"), registry.loadFailures());
        assertTrue(registry.find(PluginKind.METRIC, "same-name").isEmpty());
        assertTrue(registry.find(PluginKind.METRIC, "other-name").isPresent());
    }

    @Test
    void aProviderWhoseNameThrowsIsReportedWithItsJarAndTheOthersStillLoad() throws Exception {
        Path folder = pluginFolder("angry");
        Path jar = TestJars.build(folder.resolve("angry.jar"), Map.of("com.acme.Angry",
                        TestJars.metricSource("com.acme", "Angry", "angry", "\"angry\"")
                                .replace("return \"angry\"; }", "throw new IllegalStateException(\"no name today\"); }")),
                TestJars.metricService("com.acme.Angry"), ApiVersion.CURRENT.toString(), List.of());
        metricJar(pluginFolder("good"), "com.acme.Good", "good", ApiVersion.CURRENT.toString());
        PluginRegistry registry = load();
        assertEquals(List.of(jar + ": the metric plugin com.acme.Angry failed to give its name: no name today"),
                registry.loadFailures());
        assertTrue(registry.find(PluginKind.METRIC, "good").isPresent());
    }

    @Test
    void anInvalidNameIsReportedEscapedWithItsJarAndTheOthersStillLoad() throws Exception {
        Path bad = metricJar(pluginFolder("bad"), "com.acme.Bad", "Bad_Name\\u200b", ApiVersion.CURRENT.toString());
        metricJar(pluginFolder("good"), "com.acme.Good", "good", ApiVersion.CURRENT.toString());
        PluginRegistry registry = load();
        assertEquals(List.of(bad + ": the metric plugin com.acme.Bad has an invalid name 'Bad_Name\\u200b'; names "
                + "must match [a-z][a-z0-9-]*"), registry.loadFailures());
        assertTrue(registry.find(PluginKind.METRIC, "good").isPresent());
    }

    @Test
    void aBrokenJarIsReportedWithItsPathAndTheOthersStillLoad() throws Exception {
        Path broken = pluginFolder("broken").resolve("broken.jar");
        Files.writeString(broken, "this is not a zip file");
        metricJar(pluginFolder("good"), "com.acme.Good", "good", ApiVersion.CURRENT.toString());
        PluginRegistry registry = load();
        assertTrue(registry.find(PluginKind.METRIC, "good").isPresent());
        assertEquals(1, registry.loadFailures().size());
        assertTrue(registry.loadFailures().get(0).startsWith(broken + ": not a readable JAR ("), registry.loadFailures().get(0));
    }

    @Test
    void aProviderClassThatCannotBeLoadedIsReportedWithItsFolder() throws Exception {
        Path folder = pluginFolder("missing-class");
        TestJars.build(folder.resolve("missing.jar"), Map.of(), TestJars.metricService("com.acme.DoesNotExist"),
                ApiVersion.CURRENT.toString(), List.of());
        PluginRegistry registry = load();
        assertEquals(1, registry.loadFailures().size());
        assertTrue(registry.loadFailures().get(0).startsWith(folder + ": cannot load a metric plugin: "),
                registry.loadFailures().get(0));
    }

    @Test
    void anAttackProviderThatCannotBeLoadedIsReportedAsAnAttackPlugin() throws Exception {
        Path folder = pluginFolder("missing-attack");
        TestJars.build(folder.resolve("missing.jar"), Map.of(),
                Map.of("META-INF/services/org.transferlab.api.attack.AttackProvider", "com.acme.NoSuchAttack\n"),
                ApiVersion.CURRENT.toString(), List.of());
        PluginRegistry registry = load();
        assertEquals(1, registry.loadFailures().size());
        assertTrue(registry.loadFailures().get(0).startsWith(folder + ": cannot load an attack plugin: "),
                registry.loadFailures().get(0));
    }

    @Test
    void anApiMismatchSaysWhichVersionsDiffer() throws Exception {
        Path jar = metricJar(pluginFolder("future"), "com.acme.Future", "future", "9.0");
        PluginRegistry registry = load();
        assertTrue(registry.find(PluginKind.METRIC, "future").isEmpty());
        assertEquals(List.of(jar + ": built for API 9.0, running " + ApiVersion.CURRENT
                + "; rebuild the plugin against transferlab-api " + ApiVersion.CURRENT), registry.loadFailures());
    }

    @Test
    void aJarDroppedDirectlyIntoThePluginFolderIsLoaded() throws Exception {
        Files.createDirectories(temp.resolve("plugins"));
        metricJar(temp.resolve("plugins"), "com.acme.Loose", "loose", ApiVersion.CURRENT.toString());
        assertTrue(load().find(PluginKind.METRIC, "loose").isPresent());
    }

    @Test
    void olderMinorApiVersionsAreAccepted() {
        assertTrue(new ApiVersion(1, 3).accepts(new ApiVersion(1, 0)));
        assertTrue(!new ApiVersion(1, 0).accepts(new ApiVersion(1, 1)));
        assertTrue(!new ApiVersion(2, 0).accepts(new ApiVersion(1, 0)));
    }
}
