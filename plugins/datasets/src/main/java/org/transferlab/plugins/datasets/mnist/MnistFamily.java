package org.transferlab.plugins.datasets.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.plugins.datasets.files.DataFileLocator;
import org.transferlab.plugins.datasets.files.DatasetFiles;

/**
 * What tells one MNIST-like dataset apart from another: they share the four IDX file names and the 28×28 layout.
 *
 * @param name             the plugin name, also the plain folder below the data root
 * @param torchvisionName  torchvision's folder name, searched as {@code <root>/<torchvisionName>/raw/}
 * @param description      one line for {@code transferlab plugins}
 * @param classNames       indexed by label
 * @param systemFolders    absolute folders searched after the data root
 * @param trainSize        the number of images the train files must hold
 * @param testSize         the number of images the test files must hold
 * @param mirrors          folder URLs, each ending in {@code /}, that publish the four {@code .gz} files, in order of
 *                         preference
 * @param md5              the MD5 of each published {@code .gz} file, in the order of {@link #FILES}
 * @param contentSha256    the SHA-256 of each file's decompressed content, computed from the published archives, in
 *                         the order of {@link #FILES}; empty where none was computed (then header and size are checked)
 */
record MnistFamily(
        String name,
        String torchvisionName,
        String description,
        List<String> classNames,
        List<Path> systemFolders,
        int trainSize,
        int testSize,
        List<String> mirrors,
        List<String> md5,
        List<String> contentSha256) {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    MnistFamily {
        classNames = List.copyOf(classNames);
        systemFolders = List.copyOf(systemFolders);
        mirrors = List.copyOf(mirrors);
        md5 = List.copyOf(md5);
        contentSha256 = List.copyOf(contentSha256);
        if (md5.size() != FILES.size()) {
            throw new IllegalArgumentException(name + ": give one MD5 per file of " + FILES + ", got " + md5);
        }
        if (!contentSha256.isEmpty() && contentSha256.size() != FILES.size()) {
            throw new IllegalArgumentException(name + ": give one content SHA-256 per file of " + FILES + " or none");
        }
        for (String mirror : mirrors) {
            if (!mirror.endsWith("/")) {
                throw new IllegalArgumentException(name + ": a mirror is a folder URL ending in '/', got " + mirror);
            }
        }
    }

    /** The published name of one of {@link #FILES}: the publishers distribute them gzip-compressed. */
    static String published(String file) {
        return file + ".gz";
    }

    /** The four files as published, with their mirrors and checksums. */
    List<DataFile> files() {
        List<DataFile> files = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            String name = published(FILES.get(i));
            List<URI> urls = mirrors.stream().map(mirror -> URI.create(mirror + name)).toList();
            files.add(new DataFile(name, urls, md5.get(i), null).withContent(content(i)));
        }
        return files;
    }

    /**
     * What file {@code i} holds decompressed: an IDX header (magic number 0x0803 for images, 0x0801 for labels, the
     * count, and 28 × 28 for images) followed by one byte per pixel or label, so its size follows from the count.
     */
    private DataFile.Content content(int i) {
        boolean images = FILES.get(i).contains("images");
        int count = FILES.get(i).startsWith("train") ? trainSize : testSize;
        String header = images
                ? String.format("00000803%08x%08x%08x", count, 28, 28)
                : String.format("00000801%08x", count);
        long bytes = header.length() / 2 + (long) count * (images ? 28 * 28 : 1);
        return new DataFile.Content(contentSha256.isEmpty() ? null : contentSha256.get(i), bytes, header);
    }

    DatasetInfo info() {
        return new DatasetInfo(classNames, Map.of("train", trainSize, "test", testSize));
    }

    DataFileLocator locator() {
        return DataFileLocator.torchvisionThenPlain(name, torchvisionName, systemFolders);
    }

    DatasetFiles dataFiles() {
        return new DatasetFiles(locator(), files());
    }

    /** The same dataset searched in other system folders; lets tests stand in for {@code /usr/share}. */
    MnistFamily withSystemFolders(List<Path> folders) {
        return new MnistFamily(name, torchvisionName, description, classNames, folders, trainSize, testSize, mirrors,
                md5, contentSha256);
    }

    /** The same dataset from other mirrors; lets tests serve the files themselves. */
    MnistFamily withMirrors(List<String> urls) {
        return new MnistFamily(name, torchvisionName, description, classNames, systemFolders, trainSize, testSize, urls,
                md5, contentSha256);
    }

    /** The same dataset with other checksums and no content pins; lets tests serve small files. */
    MnistFamily withMd5(List<String> checksums) {
        return new MnistFamily(name, torchvisionName, description, classNames, systemFolders, trainSize, testSize,
                mirrors, checksums, List.of());
    }

    /** The same dataset with other split sizes; lets tests use small files. */
    MnistFamily withSizes(int train, int test) {
        return new MnistFamily(name, torchvisionName, description, classNames, systemFolders, train, test, mirrors,
                md5, List.of());
    }
}
