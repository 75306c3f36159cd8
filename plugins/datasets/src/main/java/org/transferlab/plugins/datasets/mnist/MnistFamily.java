package org.transferlab.plugins.datasets.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.plugins.datasets.files.DataFileLocator;

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
 * @param mirrors          the folders that publish the four files gzip-compressed, in order of preference
 * @param md5s             the MD5 of each published {@code .gz} file, in the order of {@link #FILES}
 */
record MnistFamily(
        String name,
        String torchvisionName,
        String description,
        List<String> classNames,
        List<Path> systemFolders,
        int trainSize,
        int testSize,
        List<URI> mirrors,
        List<String> md5s) {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    MnistFamily {
        classNames = List.copyOf(classNames);
        systemFolders = List.copyOf(systemFolders);
        mirrors = List.copyOf(mirrors);
        md5s = List.copyOf(md5s);
        if (md5s.size() != FILES.size()) {
            throw new IllegalArgumentException(name + ": " + md5s.size() + " MD5s for " + FILES.size() + " files");
        }
    }

    DatasetInfo info() {
        return new DatasetInfo(classNames, Map.of("train", trainSize, "test", testSize));
    }

    /** The four files as published: {@code <file>.gz} in each mirror folder. */
    List<DataFile> files() {
        List<DataFile> files = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            String published = FILES.get(i) + ".gz";
            List<URI> urls = mirrors.stream().map(mirror -> mirror.resolve(published)).toList();
            files.add(new DataFile(published, urls, md5s.get(i), null));
        }
        return files;
    }

    DataFileLocator locator() {
        return DataFileLocator.torchvisionThenPlain(name, torchvisionName, systemFolders);
    }

    /** The same dataset searched in other system folders; lets tests stand in for {@code /usr/share}. */
    MnistFamily withSystemFolders(List<Path> folders) {
        return new MnistFamily(name, torchvisionName, description, classNames, folders, trainSize, testSize, mirrors,
                md5s);
    }

    /** The same dataset with other split sizes; lets tests use small files. */
    MnistFamily withSizes(int train, int test) {
        return new MnistFamily(name, torchvisionName, description, classNames, systemFolders, train, test, mirrors,
                md5s);
    }
}
