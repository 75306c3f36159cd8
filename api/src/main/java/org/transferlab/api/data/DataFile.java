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
 * @param content  what the file holds once decompressed, for a compressed file, or null: it lets a copy that is not
 *                 the published bytes (uncompressed, or recompressed by a packager) be checked too
 * @since 1.6 for {@code content}
 */
public record DataFile(String name, List<URI> mirrors, String md5, String sha256, Content content) {

    /**
     * The decompressed content of a published file: its SHA-256 where it was computed from the published archive (or
     * null), its exact size, and the bytes it starts with (its format's header, lower-case hex; may be empty).
     */
    public record Content(String sha256, long bytes, String header) {

        public Content {
            if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("content SHA-256 must be 64 lower-case hex digits, got " + sha256);
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("content size must not be negative, got " + bytes);
            }
            Objects.requireNonNull(header, "header is null");
            if (!header.matches("([0-9a-f]{2})*")) {
                throw new IllegalArgumentException("content header must be lower-case hex bytes, got " + header);
            }
        }
    }

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

    /** A file whose decompressed content is not described. */
    public DataFile(String name, List<URI> mirrors, String md5, String sha256) {
        this(name, mirrors, md5, sha256, null);
    }

    /** The same file with its decompressed content described. */
    public DataFile withContent(Content described) {
        return new DataFile(name, mirrors, md5, sha256, described);
    }
}
