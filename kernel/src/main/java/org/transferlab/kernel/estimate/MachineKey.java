package org.transferlab.kernel.estimate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TensorFlowRuntime;

/**
 * What a speed measurement depends on besides the model: the processor, how many of its cores this process may use,
 * the runtime settings, and the TensorFlow and transferlab builds. Measurements are kept per key.
 */
public record MachineKey(String description) {

    public static MachineKey of(RuntimeOptions runtime, String transferlabVersion) {
        String description = String.join("; ", List.of(
                processorName(),
                Runtime.getRuntime().availableProcessors() + " processors",
                "device " + runtime.device(),
                "threads " + runtime.threads() + "/" + runtime.interOpThreads(),
                "precision " + runtime.precision(),
                "xla " + runtime.xla(),
                "TensorFlow " + TensorFlowRuntime.version(),
                "transferlab " + transferlabVersion));
        return new MachineKey(description);
    }

    /** A file name for this key: the start of the SHA-256 of its description. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The processor's model name where the system says it (Linux), else the architecture. */
    static String processorName() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            } catch (IOException e) {
                // fall through to the architecture
            }
        }
        return System.getProperty("os.arch");
    }
}
