package org.transferlab.plugins.datasets.emnist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.transferlab.api.data.ImageSet;
import org.transferlab.plugins.datasets.idx.IdxFormatException;
import org.transferlab.plugins.datasets.idx.IdxImages;
import org.transferlab.plugins.datasets.idx.IdxReader;

/**
 * Where the four IDX files of one EMNIST split were found, and how they are read: loose in a folder (each raw or
 * {@code .gz}), or as {@code .gz} entries of the official {@code gzip.zip}, which are read from the archive as they
 * are, without extracting anything to disk.
 */
abstract class EmnistSource {

    /** The official archive. */
    static final String ARCHIVE = "gzip.zip";
    /** The folder that unzipping the archive creates. */
    static final String EXTRACTED = "gzip";

    /** The archive, or the folder that holds the loose files. */
    abstract Path location();

    /** Names {@code file} in messages: its path, or {@code <archive>!/<entry>}. */
    abstract Path path(String file);

    /** Checks, without reading any image, that every file can be read: the archive opens and has an entry for each. */
    abstract void check() throws IOException;

    /** The 28×28 images of one file, which must hold {@code count} of them. */
    abstract IdxImages readImages(String file, int count) throws IOException;

    /** The labels of one file, which must hold {@code count} of them. */
    abstract int[] readLabels(String file, int count) throws IOException;

    /**
     * The first source that has all of {@code files}, looking in each folder in turn for the loose files, then for
     * them in its {@code gzip/} subfolder, then for {@code gzip.zip}.
     */
    static Optional<EmnistSource> find(List<Path> folders, List<String> files) {
        for (Path folder : folders) {
            for (Path candidate : List.of(folder, folder.resolve(EXTRACTED))) {
                Optional<EmnistSource> loose = Loose.find(candidate, files);
                if (loose.isPresent()) {
                    return loose;
                }
            }
            Path archive = folder.resolve(ARCHIVE);
            if (Files.isRegularFile(archive)) {
                return Optional.of(new Archive(archive, files));
            }
        }
        return Optional.empty();
    }

    private static final class Loose extends EmnistSource {

        private final Path folder;
        private final Map<String, Path> files;

        private Loose(Path folder, Map<String, Path> files) {
            this.folder = folder;
            this.files = files;
        }

        static Optional<EmnistSource> find(Path folder, List<String> names) {
            Map<String, Path> found = new LinkedHashMap<>();
            for (String name : names) {
                for (String candidate : List.of(name, name + ".gz")) {
                    Path path = folder.resolve(candidate);
                    if (Files.isRegularFile(path)) {
                        found.put(name, path);
                        break;
                    }
                }
                if (!found.containsKey(name)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Loose(folder, found));
        }

        @Override
        Path location() {
            return folder;
        }

        @Override
        Path path(String file) {
            return files.get(file);
        }

        @Override
        void check() {
        }

        @Override
        IdxImages readImages(String file, int count) throws IOException {
            return IdxReader.readImages(files.get(file), count, ImageSet.SIDE, ImageSet.SIDE);
        }

        @Override
        int[] readLabels(String file, int count) throws IOException {
            return IdxReader.readLabels(files.get(file), count);
        }
    }

    private static final class Archive extends EmnistSource {

        private final Path zip;
        private final List<String> files;

        Archive(Path zip, List<String> files) {
            this.zip = zip;
            this.files = List.copyOf(files);
        }

        @Override
        Path location() {
            return zip;
        }

        @Override
        Path path(String file) {
            return Path.of(zip + "!", EXTRACTED, file + ".gz");
        }

        @Override
        void check() throws IOException {
            try (ZipFile archive = open()) {
                for (String file : files) {
                    entry(archive, file);
                }
            }
        }

        @Override
        IdxImages readImages(String file, int count) throws IOException {
            try (ZipFile archive = open()) {
                ZipEntry entry = entry(archive, file);
                try (InputStream in = archive.getInputStream(entry)) {
                    return IdxReader.readImages(in, name(entry), count, ImageSet.SIDE, ImageSet.SIDE);
                } catch (ZipException | EOFException e) {
                    throw corrupt(entry, e);
                }
            }
        }

        @Override
        int[] readLabels(String file, int count) throws IOException {
            try (ZipFile archive = open()) {
                ZipEntry entry = entry(archive, file);
                try (InputStream in = archive.getInputStream(entry)) {
                    return IdxReader.readLabels(in, name(entry), count);
                } catch (ZipException | EOFException e) {
                    throw corrupt(entry, e);
                }
            }
        }

        private ZipFile open() throws IOException {
            try {
                return new ZipFile(zip.toFile());
            } catch (ZipException e) {
                throw new IdxFormatException(zip, "not a readable zip archive (" + e.getMessage()
                        + "); expected EMNIST's " + ARCHIVE + ", a zip of gzip-compressed IDX files", e);
            }
        }

        /** The entry {@code gzip/<file>.gz}, or failing that an entry of that name in another folder. */
        private ZipEntry entry(ZipFile archive, String file) throws IdxFormatException {
            String expected = EXTRACTED + "/" + file + ".gz";
            ZipEntry entry = archive.getEntry(expected);
            if (entry == null) {
                entry = archive.stream()
                        .filter(e -> !e.isDirectory())
                        .filter(e -> {
                            String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                            return name.equals(file) || name.equals(file + ".gz");
                        })
                        .findFirst()
                        .orElse(null);
            }
            if (entry == null) {
                throw new IdxFormatException(zip, "has no entry " + expected + " (nor " + file + " in any folder);"
                        + " EMNIST's " + ARCHIVE + " holds gzip/emnist-<split>-{train,test}-{images-idx3,labels-idx1}"
                        + "-ubyte.gz for each of its six splits");
            }
            return entry;
        }

        /** {@code <archive>!/<entry>}, naming both in messages. */
        private Path name(ZipEntry entry) {
            return Path.of(zip + "!", entry.getName());
        }

        private IdxFormatException corrupt(ZipEntry entry, IOException e) {
            return new IdxFormatException(name(entry), "corrupt zip entry (" + e.getMessage() + ")", e);
        }
    }
}
