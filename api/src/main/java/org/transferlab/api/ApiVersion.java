package org.transferlab.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. A plugin JAR records the version it was built for in its manifest attribute
 * {@value #MANIFEST_ATTRIBUTE}; the kernel accepts a plugin whose major version equals the running one and whose
 * minor version is not newer.
 */
public record ApiVersion(int major, int minor) {

    public static final String MANIFEST_ATTRIBUTE = "Transferlab-Api-Version";

    public static final ApiVersion CURRENT = readCurrent();

    public static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("API version must look like MAJOR.MINOR, got '" + text + "'");
        }
        try {
            return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("API version must look like MAJOR.MINOR, got '" + text + "'", e);
        }
    }

    /** True when a plugin built for {@code pluginVersion} can run on this version. */
    public boolean accepts(ApiVersion pluginVersion) {
        return pluginVersion.major == major && pluginVersion.minor <= minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static ApiVersion readCurrent() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api.properties")) {
            if (in == null) {
                throw new IllegalStateException("api.properties is missing from the transferlab API JAR");
            }
            Properties properties = new Properties();
            properties.load(in);
            return parse(properties.getProperty("api.version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
