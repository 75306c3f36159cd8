package org.transferlab.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.transferlab.kernel.io.Npy;

/**
 * NumPy's {@code .npz} format: an uncompressed zip with one {@code <name>.npy} per tensor, as {@code numpy.savez}
 * writes it, so that {@code numpy.load} reads our checkpoints and we read theirs.
 */
final class NpzArchive {

    private static final String SUFFIX = ".npy";
    // A fixed timestamp makes the archive a pure function of its tensors, so its hash can serve as a cache key.
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NpzArchive() {
    }

    static void write(OutputStream out, Map<String, WeightTensor> tensors) throws IOException {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> arrays.put(name, encode(tensor)));
        writeArrays(out, arrays);
    }

    /** An archive of arrays already encoded as {@code .npy}, of any dtype, in the map's order. */
    static void writeArrays(OutputStream out, Map<String, byte[]> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> tensor : arrays.entrySet()) {
            byte[] npy = tensor.getValue();
            CRC32 crc = new CRC32();
            crc.update(npy);
            ZipEntry entry = new ZipEntry(tensor.getKey() + SUFFIX);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(npy.length);
            entry.setCompressedSize(npy.length);
            entry.setCrc(crc.getValue());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        zip.finish();
    }

    static Map<String, WeightTensor> read(Path file) throws IOException {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> array : readArrays(file).entrySet()) {
            try {
                tensors.put(array.getKey(), decode(array.getValue()));
            } catch (Npy.FormatException e) {
                throw new IOException(file + ": " + array.getKey() + SUFFIX + " " + e.getMessage(), e);
            }
        }
        return tensors;
    }

    /** Every entry's {@code .npy} bytes, CRC-checked, by name without the suffix. */
    static Map<String, byte[]> readArrays(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + " is not a readable .npz archive: " + e.getMessage(), e);
        }
        Map<String, byte[]> tensors = new LinkedHashMap<>();
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (!entryName.endsWith(SUFFIX)) {
                    throw new IOException(file + ": entry " + entryName + " is not a .npy array");
                }
                String name = entryName.substring(0, entryName.length() - SUFFIX.length());
                if (tensors.containsKey(name)) {
                    throw new IOException(file + ": entry " + entryName + " appears twice");
                }
                try {
                    tensors.put(name, readChecked(zip, entry));
                } catch (ZipCrcException e) {
                    throw new IOException(file + ": " + entryName + " " + e.getMessage(), e);
                } catch (ZipException e) {
                    throw new IOException(file + ": " + entryName + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return tensors;
    }

    private static byte[] readChecked(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new ZipCrcException("fails its CRC check; the file is corrupt");
        }
        return bytes;
    }

    private static byte[] encode(WeightTensor tensor) {
        return Npy.encode(tensor.values(), tensor.shape());
    }

    private static WeightTensor decode(byte[] npy) throws Npy.FormatException {
        Npy.FloatArray array = Npy.decodeFloats(npy);
        return new WeightTensor(array.shape(), array.values());
    }

    private static final class ZipCrcException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipCrcException(String message) {
            super(message);
        }
    }
}
