package org.transferlab.kernel.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Derives independent seeds from the experiment's seed, so that no random stream depends on the order of others. */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for one purpose, e.g. {@code init/conv1.weight}; the same inputs give the same seed on every machine. */
    public static long derive(long seed, String purpose) {
        requireNonNull(purpose, "purpose is null");
        MessageDigest sha256 = newSha256();
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha256.update(purpose.getBytes(UTF_8));
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
