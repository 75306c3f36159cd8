package org.transferlab.plugins.datasets.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.TransferProgress;

class DownloaderTest {

    private static final byte[] CONTENT = bytes(20_000, 1);
    private static final String NAME = "images.gz";

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Downloader downloader() {
        return new Downloader(Downloader.newClient(Duration.ofSeconds(5)), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 3, Duration.ZERO);
    }

    private Path folder() {
        return tmp.resolve("data/mnist");
    }

    private DataFile file(URI... mirrors) {
        return new DataFile(NAME, List.of(mirrors), hex("MD5", CONTENT), hex("SHA-256", CONTENT));
    }

    private Path download(DataFile file) throws IOException {
        return downloader().download(file, folder(), progress);
    }

    private void assertNothingLeft() throws IOException {
        assertFalse(Files.exists(folder().resolve(NAME)), "nothing under the final name");
        assertFalse(Files.exists(folder().resolve(NAME + ".part")), "no .part file");
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' in: " + text);
        }
    }

    /** Records events, and checks that the final name never exists while bytes arrive. */
    private final class RecordingProgress implements TransferProgress {
        final List<String> events = new ArrayList<>();
        long bytes;

        @Override
        public void started(String file, long totalBytes) {
            events.add("started " + file + " " + totalBytes);
        }

        @Override
        public void advanced(long count) {
            assertTrue(count > 0, "advanced by " + count);
            assertFalse(Files.exists(folder().resolve(NAME)), "the final name appeared before the download ended");
            bytes += count;
        }

        @Override
        public void finished() {
            events.add("finished after " + bytes);
        }
    }

    @Test
    void downloadsVerifiesTheChecksumsAndRenamesTheCompleteFile() throws IOException {
        server.serve("/mnist/" + NAME, CONTENT);
        Path path = download(file(server.uri("/mnist/" + NAME)));
        assertEquals(folder().resolve(NAME), path);
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(List.of(NAME), List.of(folder().toFile().list()), "no .part file is left");
        assertEquals(List.of("started images.gz 20000", "finished after 20000"), progress.events);
    }

    @Test
    void aChecksumMismatchDeletesTheDownloadAndNamesFileUrlAndBothChecksums() throws IOException {
        byte[] other = bytes(20_000, 2);
        server.serve("/" + NAME, other);
        URI uri = server.uri("/" + NAME);
        DataFile file = new DataFile(NAME, List.of(uri), hex("MD5", CONTENT), null);
        FileDownloadException e = assertThrows(FileDownloadException.class, () -> download(file));
        assertContains(e.getMessage(), "cannot download " + NAME, uri.toString(),
                "checksum mismatch: expected MD5 " + hex("MD5", CONTENT) + ", got " + hex("MD5", other));
        assertNothingLeft();
        assertFalse(e.noMirrorReachable());
    }

    @Test
    void aSha256MismatchIsReportedToo() throws IOException {
        server.serve("/" + NAME, CONTENT);
        String wrong = hex("SHA-256", new byte[] {1});
        DataFile file = new DataFile(NAME, List.of(server.uri("/" + NAME)), null, wrong);
        FileDownloadException e = assertThrows(FileDownloadException.class, () -> download(file));
        assertContains(e.getMessage(), "expected SHA-256 " + wrong + ", got " + hex("SHA-256", CONTENT));
        assertNothingLeft();
    }

    @Test
    void aDroppedConnectionResumesWithARangeRequest() throws IOException {
        server.serve("/" + NAME, CONTENT).dropping(1, 8_000);
        Path path = download(file(server.uri("/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        List<String> requests = server.requests();
        assertEquals(2, requests.size(), requests.toString());
        assertEquals("/" + NAME + " -", requests.get(0));
        assertTrue(requests.get(1).matches("/images\\.gz bytes=\\d+-"), requests.toString());
        long resumedAt = Long.parseLong(requests.get(1).replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertTrue(resumedAt > 0 && resumedAt <= 8_000, "resumed at " + resumedAt);
        assertEquals(List.of("started images.gz 20000", "finished after " + resumedAt, "started images.gz 20000",
                "finished after " + (resumedAt + 20_000)), progress.events);
        assertEquals(List.of(NAME), List.of(folder().toFile().list()));
    }

    @Test
    void aServerWithoutRangesIsDownloadedAgainFromTheStart() throws IOException {
        server.serve("/" + NAME, CONTENT).withoutRanges().dropping(2, 8_000);
        Path path = download(file(server.uri("/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        List<String> requests = server.requests();
        assertEquals(3, requests.size(), requests.toString());
        assertTrue(requests.get(1).contains("bytes="), "the client asked to resume: " + requests);
        assertEquals(List.of(NAME), List.of(folder().toFile().list()));
    }

    @Test
    void aConnectionThatKeepsDroppingMovesToTheNextMirror() throws IOException {
        server.serve("/a/" + NAME, CONTENT).withoutRanges().dropping(3, 100);
        server.serve("/b/" + NAME, CONTENT);
        URI first = server.uri("/a/" + NAME);
        Path path = download(file(first, server.uri("/b/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(4, server.requests().size(), server.requests().toString());
    }

    @Test
    void aStalledResponseIsGivenUpAndResumed() throws IOException {
        server.serve("/" + NAME, CONTENT).stalling(1, 6_000);
        Downloader impatient = new Downloader(Downloader.newClient(Duration.ofSeconds(5)), Duration.ofSeconds(10),
                Duration.ofMillis(300), 3, Duration.ZERO);
        Path path = impatient.download(file(server.uri("/" + NAME)), folder(), progress);
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(List.of("/" + NAME + " -", "/" + NAME + " bytes=6000-"), server.requests());
    }

    @Test
    void aServerErrorIsRetried() throws IOException {
        server.serve("/" + NAME, CONTENT).failing(2, 503);
        Path path = download(file(server.uri("/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(3, server.requests().size());
    }

    @Test
    void aNotFoundMirrorIsSkippedForTheNext() throws IOException {
        server.serve("/good/" + NAME, CONTENT);
        Path path = download(file(server.uri("/gone/" + NAME), server.uri("/good/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(List.of("/good/" + NAME + " -"), server.requests(), "the 404 was not retried");
        assertEquals(List.of("started images.gz 20000", "finished after 20000"), progress.events);
    }

    @Test
    void whenEveryMirrorFailsTheErrorListsEachUrlAndWhy() throws IOException {
        server.serve("/forbidden/" + NAME, CONTENT).failing(1, 403);
        URI gone = server.uri("/gone/" + NAME);
        URI forbidden = server.uri("/forbidden/" + NAME);
        FileDownloadException e = assertThrows(FileDownloadException.class, () -> download(file(gone, forbidden)));
        assertEquals("cannot download images.gz:\n  " + gone + ": HTTP 404 (not found)\n  " + forbidden + ": HTTP 403",
                e.getMessage());
        assertEquals(2, e.failures().size());
        assertFalse(e.noMirrorReachable());
        assertNothingLeft();
        assertEquals(List.of(), progress.events);
    }

    @Test
    void aRefusedConnectionCountsAsUnreachable() throws IOException {
        URI refused = LocalHttpServer.refused("/" + NAME);
        FileDownloadException e = assertThrows(FileDownloadException.class, () -> download(file(refused)));
        assertTrue(e.noMirrorReachable(), e.getMessage());
        assertContains(e.getMessage(), refused + ": cannot connect");
        assertNothingLeft();
        assertFalse(Files.exists(folder()), "the folder made for the failed download is gone");
        assertTrue(Files.isDirectory(folder().getParent()), "folders above it stay");
    }

    @Test
    void aFailedDownloadLeavesAFolderThatExistedBefore() throws IOException {
        Files.createDirectories(folder());
        assertThrows(FileDownloadException.class, () -> download(file(LocalHttpServer.refused("/" + NAME))));
        assertTrue(Files.isDirectory(folder()));
    }

    @Test
    void aFileWithoutMirrorsCannotBeDownloaded() {
        FileDownloadException e = assertThrows(FileDownloadException.class, () -> download(file()));
        assertEquals("cannot download images.gz: no download address is known for it", e.getMessage());
    }

    @Test
    void aPartFileLeftByAnEarlierDownloadIsResumed() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve(NAME + ".part"), java.util.Arrays.copyOf(CONTENT, 5_000));
        server.serve("/" + NAME, CONTENT);
        Path path = download(file(server.uri("/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(List.of("/" + NAME + " bytes=5000-"), server.requests());
        assertEquals(List.of("started images.gz 20000", "finished after 20000"), progress.events);
    }

    @Test
    void resumedBytesThatFailTheChecksumAreDownloadedAgainFromTheStart() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve(NAME + ".part"), bytes(5_000, 3));
        server.serve("/" + NAME, CONTENT);
        Path path = download(file(server.uri("/" + NAME)));
        assertArrayEquals(CONTENT, Files.readAllBytes(path));
        assertEquals(List.of("/" + NAME + " bytes=5000-", "/" + NAME + " -"), server.requests());
    }

    @Test
    void anExistingFileIsNotDownloadedAgain() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve(NAME), CONTENT);
        server.serve("/" + NAME, CONTENT);
        assertEquals(folder().resolve(NAME), download(file(server.uri("/" + NAME))));
        assertEquals(List.of(), server.requests());
        assertEquals(List.of(NAME), List.of(folder().toFile().list()));
    }
}
