package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.transferlab.api.ApiVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the kernel's version and the plugin API version it runs. */
final class VersionProvider implements IVersionProvider {

    static String kernelVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/transferlab/kernel/transferlab.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"transferlab " + kernelVersion() + " (plugin API " + ApiVersion.CURRENT + ")"};
    }
}
