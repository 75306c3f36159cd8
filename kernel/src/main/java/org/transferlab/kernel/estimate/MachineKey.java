package org.transferlab.kernel.estimate;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * the runtime settings, the TensorFlow and transferlab versions, and the code that builds the graphs (the kernel's and
 * the model and attack plugins' JARs, by content, since a rebuilt snapshot keeps its version). Measurements are kept
 * per key.
 */
public record MachineKey(String description) {

    public static MachineKey of(RuntimeOptions runtime, String transferlabVersion) {
        return of(runtime, transferlabVersion, List.of());
    }

    /** @param code  JARs whose content the speeds depend on; folders and missing paths are left out */
    public static MachineKey of(RuntimeOptions runtime, String transferlabVersion, List<Path> code) {
        String description = String.join("; ", List.of(
                processorName(),
                Runtime.getRuntime().availableProcessors() + " processors",
                "device " + runtime.device(),
                "threads " + runtime.threads() + "/" + runtime.interOpThreads(),
                "precision " + runtime.precision(),
                "xla " + runtime.xla(),
                "TensorFlow " + TensorFlowRuntime.version(),
                "transferlab " + transferlabVersion));
        String builds = codeDigest(code);
        return new MachineKey(builds.isEmpty() ? description : description + "; code " + builds);
    }

    /** The start of the SHA-256 over the contents of the regular files among {@code code}, in sorted order. */
    static String codeDigest(List<Path> code) {
        List<Path> files = code.stream().filter(Files::isRegularFile).map(Path::toAbsolutePath).distinct().sorted()
                .toList();
        if (files.isEmpty()) {
            return "";
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files + " to key the calibration: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
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
