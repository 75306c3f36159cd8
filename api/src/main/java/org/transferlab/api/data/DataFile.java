package org.transferlab.api.data;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A file a dataset plugin reads, as its publisher distributes it: its name, the mirrors it can be downloaded from, in
 * order of preference, and its checksum. At least one of {@code md5} and {@code sha256} is given (lower-case hex); a
 * downloaded file whose checksum differs is never used.
 *
 * @param name     the published file name, e.g. {@code train-images-idx3-ubyte.gz}
 * @param mirrors  full URLs of the file; empty when it cannot be downloaded
 */
public record DataFile(String name, List<URI> mirrors, String md5, String sha256) {

    public DataFile {
        Objects.requireNonNull(name, "name is null");
        mirrors = List.copyOf(Objects.requireNonNull(mirrors, "mirrors is null"));
        if (md5 == null && sha256 == null) {
            throw new IllegalArgumentException(name + ": give an MD5 or SHA-256 checksum");
        }
        if (md5 != null && !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException(name + ": MD5 must be 32 lower-case hex digits, got " + md5);
        }
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": SHA-256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
