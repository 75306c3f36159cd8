package org.transferlab.kernel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.kernel.data.PublishedFileCheck.Result;

class PublishedFileCheckTest {

    private static final byte[] RAW = raw();
    private static final byte[] PUBLISHED = gzip(RAW);

    @TempDir
    Path tmp;

    private static byte[] raw() {
        byte[] bytes = new byte[5_000];
        new Random(7).nextBytes(bytes);
        Arrays.fill(bytes, 0, 2_500, (byte) 3);
        return bytes;
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static DataFile published(String md5, String sha256) {
        return new DataFile("images.gz", List.of(URI.create("https://example.org/images.gz")), md5, sha256);
    }

    private PublishedFileCheck check(DataFile file, String name, byte[] content) throws IOException {
        Path path = Files.write(tmp.resolve(name), content);
        return PublishedFileCheck.of(new DataFileStatus(file, Optional.of(path)));
    }

    @Test
    void thePublishedBytesAreOk() throws IOException {
        PublishedFileCheck md5 = check(published(hex("MD5", PUBLISHED), null), "images.gz", PUBLISHED);
        assertEquals(Result.OK, md5.result());
        assertEquals("MD5 matches", md5.detail());
        PublishedFileCheck both = check(published(hex("MD5", PUBLISHED), hex("SHA-256", PUBLISHED)), "images.gz",
                PUBLISHED);
        assertEquals(Result.OK, both.result());
        assertEquals("MD5 and SHA-256 match", both.detail());
    }

    @Test
    void aDamagedFileIsAMismatchWithBothChecksums() throws IOException {
        byte[] truncated = Arrays.copyOf(PUBLISHED, PUBLISHED.length - 10);
        PublishedFileCheck check = check(published(hex("MD5", PUBLISHED), null), "images.gz", truncated);
        assertEquals(Result.MISMATCH, check.result());
        assertEquals("expected MD5 " + hex("MD5", PUBLISHED) + ", got " + hex("MD5", truncated), check.detail());

        byte[] flipped = PUBLISHED.clone();
        flipped[PUBLISHED.length / 2] ^= 0x40;
        assertEquals(Result.MISMATCH, check(published(hex("MD5", PUBLISHED), null), "images.gz", flipped).result());
    }

    @Test
    void aShaMismatchCountsEvenWhenTheMd5MatchesAndTheFileIsAGzipStream() throws IOException {
        String wrong = hex("SHA-256", RAW);
        PublishedFileCheck check = check(published(hex("MD5", PUBLISHED), wrong), "images.gz", PUBLISHED);
        assertEquals(Result.MISMATCH, check.result());
        assertEquals("expected SHA-256 " + wrong + ", got " + hex("SHA-256", PUBLISHED), check.detail());
    }

    @Test
    void aRecompressedGzipIsPresentButCannotBeVerified() throws IOException {
        // As Debian's Fashion-MNIST: the same data, compressed again at another time.
        byte[] recompressed = PUBLISHED.clone();
        recompressed[4] = (byte) 0xed;
        recompressed[5] = (byte) 0x0a;
        PublishedFileCheck check = check(published(hex("MD5", PUBLISHED), null), "images.gz", recompressed);
        assertEquals(Result.CANNOT_VERIFY, check.result());
        assertEquals("a complete gzip stream with other bytes (recompressed?): expected MD5 " + hex("MD5", PUBLISHED)
                + ", got " + hex("MD5", recompressed), check.detail());
    }

    @Test
    void anUncompressedCopyCannotBeVerified() throws IOException {
        PublishedFileCheck check = check(published(hex("MD5", PUBLISHED), null), "images", RAW);
        assertEquals(Result.CANNOT_VERIFY, check.result());
        assertEquals("uncompressed", check.detail());
    }

    /** The published file with its decompressed content described: header "03030303", size, and optionally pinned. */
    private static DataFile described(boolean pinned) {
        return published(hex("MD5", PUBLISHED), null).withContent(
                new DataFile.Content(pinned ? hex("SHA-256", RAW) : null, RAW.length, "03030303"));
    }

    @Test
    void anUncompressedOrRecompressedCopyIsOkWhenItsContentMatchesThePinnedSha256() throws IOException {
        PublishedFileCheck uncompressed = check(described(true), "images", RAW);
        assertEquals(Result.OK, uncompressed.result());
        assertEquals("uncompressed: the content's SHA-256 matches", uncompressed.detail());

        byte[] recompressed = PUBLISHED.clone();
        recompressed[4] = (byte) 0xed;
        PublishedFileCheck check = check(described(true), "images.gz", recompressed);
        assertEquals(Result.OK, check.result());
        assertEquals("recompressed: the content's SHA-256 matches", check.detail());
    }

    @Test
    void anUncompressedCopyWithChangedValuesIsAMismatchWhenTheContentIsPinned() throws IOException {
        byte[] changed = RAW.clone();
        changed[4_000] ^= 1;
        PublishedFileCheck check = check(described(true), "images", changed);
        assertEquals(Result.MISMATCH, check.result());
        assertEquals("uncompressed: expected content SHA-256 " + hex("SHA-256", RAW) + ", got " + hex("SHA-256", changed),
                check.detail());
    }

    @Test
    void aTruncatedOrWronglyHeadedUncompressedCopyIsAMismatchEvenWithoutAPin() throws IOException {
        PublishedFileCheck truncated = check(described(false), "images", Arrays.copyOf(RAW, 4_000));
        assertEquals(Result.MISMATCH, truncated.result());
        assertEquals("uncompressed: holds 4000 bytes, expected 5000 (truncated)", truncated.detail());

        byte[] magic = RAW.clone();
        magic[1] = 0x08;
        PublishedFileCheck wrongMagic = check(described(false), "images", magic);
        assertEquals(Result.MISMATCH, wrongMagic.result());
        assertEquals("uncompressed: starts with the bytes 03080303, expected 03030303 (another file, or another format)",
                wrongMagic.detail());

        PublishedFileCheck plausible = check(described(false), "images", RAW);
        assertEquals(Result.CANNOT_VERIFY, plausible.result());
        assertEquals("uncompressed: header and size as published; no checksum of the content to compare its values with",
                plausible.detail());
    }

    @Test
    void aMissingFileIsMissing() throws IOException {
        PublishedFileCheck check = PublishedFileCheck.of(
                new DataFileStatus(published(hex("MD5", PUBLISHED), null), Optional.empty()));
        assertEquals(Result.MISSING, check.result());
    }
}
