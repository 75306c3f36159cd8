package org.transferlab.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.transferlab.api.ApiVersion;
import org.transferlab.api.NoOptions;
import org.transferlab.api.attack.Attack;
import org.transferlab.api.attack.AttackProvider;
import org.transferlab.api.attack.Budget;
import org.transferlab.api.attack.SourceModel;

/**
 * A third-party attack plugin, {@code always-fails}, whose attack throws: the failing task of the executor tests.
 * {@link #jar} packages this class as a plugin JAR, as a plugin's own build would.
 */
public final class FailingAttackPlugin implements AttackProvider<NoOptions> {

    static final String MESSAGE = "always-fails refuses to craft anything";

    @Override
    public String name() {
        return "always-fails";
    }

    @Override
    public Class<NoOptions> optionsType() {
        return NoOptions.class;
    }

    @Override
    public Attack create(NoOptions options) {
        return new Attack() {
            @Override
            public Budget budget() {
                return Budget.linf(0.1);
            }

            @Override
            public float[] perturb(SourceModel model, float[] images, int[] labels, SplittableRandom random) {
                throw new IllegalStateException(MESSAGE);
            }
        };
    }

    /**
     * A plugins folder with the distribution's own plugins and this one, in {@code always-fails/}.
     *
     * @return the folder to give with {@code --plugins}
     */
    static Path pluginsFolder(Path folder) throws IOException {
        Path plugins = folder.resolve("plugins");
        TreeCopy.copy(Launcher.built().resolve("plugins"), plugins);
        Path jar = Files.createDirectories(plugins.resolve("always-fails")).resolve("always-fails-1.0.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(ApiVersion.MANIFEST_ATTRIBUTE, ApiVersion.CURRENT.toString());
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            add(out, "META-INF/services/" + AttackProvider.class.getName(),
                    FailingAttackPlugin.class.getName().getBytes(StandardCharsets.UTF_8));
            for (Class<?> type : new Class<?>[] {FailingAttackPlugin.class, new FailingAttackPlugin().create(null).getClass()}) {
                String name = type.getName().replace('.', '/') + ".class";
                try (var in = FailingAttackPlugin.class.getClassLoader().getResourceAsStream(name)) {
                    add(out, name, in.readAllBytes());
                }
            }
        }
        return plugins;
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
