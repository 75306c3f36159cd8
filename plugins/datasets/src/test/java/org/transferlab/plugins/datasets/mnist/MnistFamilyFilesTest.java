package org.transferlab.plugins.datasets.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.gzip;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.images;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.labels;
import static org.transferlab.plugins.datasets.idx.IdxTestFiles.write;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.plugins.datasets.files.LocalHttpServer;

/** The published files of mnist, fashion-mnist and kmnist: where they are found and how they are downloaded. */
class MnistFamilyFilesTest {

    private static final NoOptions NONE = new NoOptions();
    private static final List<String> PUBLISHED = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A small gzipped set of three train and two test images, by published name. */
    private static Map<String, byte[]> smallSet() {
        Map<String, byte[]> set = new LinkedHashMap<>();
        set.put(PUBLISHED.get(0), gzip(images(3, 28, 28)));
        set.put(PUBLISHED.get(1), gzip(labels(3, 0, 9)));
        set.put(PUBLISHED.get(2), gzip(images(2, 28, 28)));
        set.put(PUBLISHED.get(3), gzip(labels(7, 1)));
        return set;
    }

    private static void assertFiles(MnistFamilyProvider provider, List<String> mirrors, List<String> md5) {
        List<DataFile> files = provider.files(NONE);
        assertEquals(PUBLISHED, files.stream().map(DataFile::name).toList());
        for (int i = 0; i < files.size(); i++) {
            DataFile file = files.get(i);
            String name = PUBLISHED.get(i);
            assertEquals(mirrors.stream().map(mirror -> URI.create(mirror + name)).toList(), file.mirrors(), name);
            assertEquals(md5.get(i), file.md5(), name);
        }
    }

    @Test
    void eachDatasetPublishesTheFourGzipFilesWithTorchvisionsMirrorsAndMd5s() {
        assertFiles(new MnistProvider(),
                List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
                List.of("f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                        "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"));
        assertFiles(new FashionMnistProvider(),
                List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                List.of("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
                        "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"));
        assertFiles(new KmnistProvider(),
                List.of("http://codh.rois.ac.jp/kmnist/dataset/kmnist/"),
                List.of("bdb82020997e1d708af4cf47b453dcf7", "e144d726b3acfaa3e44228e80efcd344",
                        "5c965bf0a639b31b8f53240b1b52f4d7", "7320c461ea6c1c855c0b718fb2a4b134"));
    }

    @Test
    void statusFindsPublishedAndUncompressedCopies() throws IOException {
        Path raw = root().resolve("KMNIST/raw");
        write(raw, "train-images-idx3-ubyte", images(3, 28, 28));
        write(root().resolve("kmnist"), "t10k-labels-idx1-ubyte.gz", gzip(labels(7, 1)));
        List<DataFileStatus> status = new KmnistProvider().status(NONE, new DataContext(root(), false));
        assertEquals(PUBLISHED, status.stream().map(s -> s.file().name()).toList());
        assertEquals(Optional.of(raw.resolve("train-images-idx3-ubyte")), status.get(0).path());
        assertFalse(status.get(0).isPublishedForm());
        assertEquals(Optional.empty(), status.get(1).path());
        assertEquals(Optional.empty(), status.get(2).path());
        assertEquals(Optional.of(root().resolve("kmnist/t10k-labels-idx1-ubyte.gz")), status.get(3).path());
        assertTrue(status.get(3).isPublishedForm());
    }

    @Test
    void openWithDownloadOnFetchesTheMissingFilesAndReadsThem() throws IOException {
        Map<String, byte[]> set = smallSet();
        try (LocalHttpServer server = new LocalHttpServer()) {
            set.forEach((name, content) -> server.serve("/mnist/" + name, content));
            MnistFamily family = MnistProvider.MNIST.withSizes(3, 2)
                    .withMirrors(List.of(server.uri("/gone/").toString(), server.uri("/mnist/").toString()))
                    .withMd5(set.values().stream().map(MnistFamilyFilesTest::md5).toList());
            write(root().resolve("mnist"), "train-labels-idx1-ubyte", labels(3, 0, 9));

            Dataset dataset = new MnistProvider(family).open(NONE, new DataContext(root(), true));
            assertArrayEquals(new int[] {3, 0, 9}, dataset.split("train").labels());
            assertArrayEquals(new int[] {7, 1}, dataset.split("test").labels());
            assertEquals(3, server.requests().size(), "the raw labels file was used, not downloaded: "
                    + server.requests());
            for (String name : List.of(PUBLISHED.get(0), PUBLISHED.get(2), PUBLISHED.get(3))) {
                assertArrayEquals(set.get(name), Files.readAllBytes(root().resolve("mnist").resolve(name)), name);
            }
        }
    }

    @Test
    void fetchDownloadsEveryMissingFileIntoThePlainFolder() throws IOException {
        Map<String, byte[]> set = smallSet();
        try (LocalHttpServer server = new LocalHttpServer()) {
            set.forEach((name, content) -> server.serve("/f/" + name, content));
            MnistFamily family = FashionMnistProvider.FASHION_MNIST.withSystemFolders(List.of())
                    .withMirrors(List.of(server.uri("/f/").toString()))
                    .withMd5(set.values().stream().map(MnistFamilyFilesTest::md5).toList());
            FashionMnistProvider provider = new FashionMnistProvider(family);
            provider.fetch(NONE, new DataContext(root(), false));
            List<DataFileStatus> status = provider.status(NONE, new DataContext(root(), false));
            for (DataFileStatus file : status) {
                assertEquals(Optional.of(root().toAbsolutePath().resolve("fashion-mnist").resolve(file.file().name())),
                        file.path());
                assertTrue(file.isPublishedForm());
            }
            assertEquals(4, server.requests().size());
        }
    }
}
