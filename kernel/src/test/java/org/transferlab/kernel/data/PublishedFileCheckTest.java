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

    @Test
    void aMissingFileIsMissing() throws IOException {
        PublishedFileCheck check = PublishedFileCheck.of(
                new DataFileStatus(published(hex("MD5", PUBLISHED), null), Optional.empty()));
        assertEquals(Result.MISSING, check.result());
    }
}
