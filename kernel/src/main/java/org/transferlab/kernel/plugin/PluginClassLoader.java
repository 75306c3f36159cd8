package org.transferlab.kernel.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one plugin folder. It sees the plugin's own JARs first, the JDK, and — from the kernel — only the
 * plugin API and the shared runtime (TensorFlow Java, JavaCPP, protobuf, SLF4J, Bean Validation annotations). TensorFlow's
 * native library can be loaded only once per process, so its classes must come from the kernel; every other library a
 * plugin bundles is its own copy, whatever version the kernel uses.
 */
final class PluginClassLoader extends URLClassLoader {

    static final List<String> SHARED_PACKAGES = List.of(
            "org.transferlab.api.",
            "org.tensorflow.",
            "org.bytedeco.",
            "com.google.protobuf.",
            "org.slf4j.",
            "jakarta.validation.");

    private final ClassLoader kernelLoader;

    PluginClassLoader(String name, List<URL> jars, ClassLoader kernelLoader) {
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.kernelLoader = Objects.requireNonNull(kernelLoader, "kernelLoader is null");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return kernelLoader.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    loaded = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        if (own != null) {
            return own;
        }
        return isSharedResource(name) ? kernelLoader.getResource(name) : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // Only the plugin's own resources: ServiceLoader must not find the kernel's or other plugins' providers here.
        return findResources(name);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSharedResource(String resource) {
        return !resource.startsWith("META-INF/") && isShared(resource.replace('/', '.'));
    }
}
