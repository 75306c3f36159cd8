package org.transferlab.plugins.datasets.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.transferlab.api.data.DataFile;

/** The MD5 and SHA-256 of some bytes, in lower-case hex, as {@link DataFile} gives them. */
public record Checksums(String md5, String sha256) {

    public Checksums {
        Objects.requireNonNull(md5, "md5 is null");
        Objects.requireNonNull(sha256, "sha256 is null");
    }

    /**
     * How these checksums differ from those {@code file} publishes, e.g. {@code "expected MD5 0f…, got 9a…"}; empty when
     * every checksum given matches.
     */
    public Optional<String> mismatch(DataFile file) {
        List<String> differences = new ArrayList<>();
        if (file.md5() != null && !file.md5().equals(md5)) {
            differences.add("expected MD5 " + file.md5() + ", got " + md5);
        }
        if (file.sha256() != null && !file.sha256().equals(sha256)) {
            differences.add("expected SHA-256 " + file.sha256() + ", got " + sha256);
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    static Checksums finish(MessageDigest md5, MessageDigest sha256) {
        HexFormat hex = HexFormat.of();
        return new Checksums(hex.formatHex(md5.digest()), hex.formatHex(sha256.digest()));
    }
}
