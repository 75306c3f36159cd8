package org.transferlab.kernel.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.kernel.io.FileDigests;

/**
 * A dataset file found on disk compared with the checksums its publisher gives. The published bytes are checked against
 * the published checksums. An uncompressed copy, or a {@code .gz} file that a packager recompressed (as Debian did
 * Fashion-MNIST's), holds the same data in other bytes: it is checked against the SHA-256 of the decompressed content
 * where the plugin pins one, and otherwise against the content's header and size, which catch a truncated file or one
 * of another format but not changed pixels (then it is reported as present but unverifiable). A {@code .gz} file whose
 * bytes differ counts as recompressed only when it is a complete gzip stream, whose CRC and length check out; a
 * truncated or damaged one is a mismatch.
 *
 * @param detail  for people: which checksums matched, how they differ, or in what form the file was found
 */
public record PublishedFileCheck(DataFileStatus status, Result result, String detail) {

    public enum Result {
        /** The published file, with the published checksums. */
        OK,
        /** Under the published name, with other checksums: damaged or not the publisher's file. */
        MISMATCH,
        /** Present in another form than the published bytes, so the checksums do not apply. */
        CANNOT_VERIFY,
        MISSING
    }

    public PublishedFileCheck {
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(result, "result is null");
        Objects.requireNonNull(detail, "detail is null");
    }

    public static PublishedFileCheck of(DataFileStatus status) throws IOException {
        if (status.path().isEmpty()) {
            return new PublishedFileCheck(status, Result.MISSING, "not found");
        }
        Path path = status.path().get();
        DataFile file = status.file();
        if (!status.isPublishedForm()) {
            return file.content() == null
                    ? new PublishedFileCheck(status, Result.CANNOT_VERIFY, otherForm(status))
                    : ofContent(status, otherForm(status));
        }
        List<String> differences = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        compare("MD5", file.md5(), path, differences, matches);
        compare("SHA-256", file.sha256(), path, differences, matches);
        if (differences.isEmpty()) {
            return new PublishedFileCheck(status, Result.OK, String.join(" and ", matches)
                    + (matches.size() == 1 ? " matches" : " match"));
        }
        String mismatch = String.join("; ", differences);
        if (matches.isEmpty() && file.name().endsWith(".gz") && isCompleteGzip(path)) {
            return file.content() == null
                    ? new PublishedFileCheck(status, Result.CANNOT_VERIFY,
                            "a complete gzip stream with other bytes (recompressed?): " + mismatch)
                    : ofContent(status, "recompressed");
        }
        return new PublishedFileCheck(status, Result.MISMATCH, mismatch);
    }

    /** Checks a copy in another form by what it holds decompressed: header, size and, where pinned, SHA-256. */
    private static PublishedFileCheck ofContent(DataFileStatus status, String form) throws IOException {
        DataFile.Content expected = status.file().content();
        Path path = status.path().orElseThrow();
        byte[] header = new byte[expected.header().length() / 2];
        int headerRead = 0;
        long bytes = 0;
        MessageDigest digest = FileDigests.digest("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = isGzip(path) ? new GZIPInputStream(Files.newInputStream(path), 1 << 16)
                : Files.newInputStream(path)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int copied = Math.min(read, header.length - headerRead);
                System.arraycopy(buffer, 0, header, headerRead, copied);
                headerRead += copied;
                bytes += read;
                digest.update(buffer, 0, read);
            }
        } catch (ZipException | EOFException damaged) {
            return new PublishedFileCheck(status, Result.MISMATCH, form + ", but its gzip stream is damaged or "
                    + "truncated (" + damaged.getMessage() + ")");
        }
        String found = HexFormat.of().formatHex(header, 0, headerRead);
        if (!found.equals(expected.header())) {
            return new PublishedFileCheck(status, Result.MISMATCH, form + ": starts with the bytes " + found
                    + ", expected " + expected.header() + " (another file, or another format)");
        }
        if (bytes != expected.bytes()) {
            return new PublishedFileCheck(status, Result.MISMATCH, form + ": holds " + bytes + " bytes, expected "
                    + expected.bytes() + (bytes < expected.bytes() ? " (truncated)" : ""));
        }
        if (expected.sha256() == null) {
            return new PublishedFileCheck(status, Result.CANNOT_VERIFY, form + ": header and size as published; "
                    + "no checksum of the content to compare its values with");
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equals(expected.sha256())) {
            return new PublishedFileCheck(status, Result.MISMATCH, form + ": expected content SHA-256 "
                    + expected.sha256() + ", got " + sha256);
        }
        return new PublishedFileCheck(status, Result.OK, form + ": the content's SHA-256 matches");
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** How a copy found in another form than the published one differs: "uncompressed", or the name it has. */
    public static String otherForm(DataFileStatus status) {
        String found = status.path().map(path -> path.getFileName().toString()).orElse("");
        return status.file().name().equals(found + ".gz") ? "uncompressed" : "found as " + found;
    }

    private static void compare(String algorithm, String expected, Path path, List<String> differences,
                                List<String> matches) throws IOException {
        if (expected == null) {
            return;
        }
        String actual = FileDigests.hex(algorithm, path);
        if (actual.equals(expected)) {
            matches.add(algorithm);
        } else {
            differences.add("expected " + algorithm + " " + expected + ", got " + actual);
        }
    }

    /** Whether the whole file decompresses, with every member's CRC-32 and length as its trailer says. */
    private static boolean isCompleteGzip(Path path) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
            while (in.read(buffer) >= 0) {
                // GZIPInputStream checks each trailer as it reaches it.
            }
            return true;
        } catch (ZipException | EOFException damaged) {
            return false;
        }
    }
}
