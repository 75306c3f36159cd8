package org.transferlab.kernel.engine;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.IntStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.io.NumPyReference;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;

class WeightsTest {

    @TempDir
    Path directory;

    @Test
    void sameSeedGivesIdenticalWeightsAndOtherSeedsDiffer() {
        Architecture model = new TwoLayerPerceptron(16, 10);
        assertEquals(Weights.initialize(model, 1), Weights.initialize(model, 1));
        assertNotEquals(Weights.initialize(model, 1).get("hidden.weight"),
                Weights.initialize(model, 2).get("hidden.weight"));
    }

    @Test
    void eachTensorDependsOnlyOnTheSeedAndItsName() {
        Architecture model = new TwoLayerPerceptron(16, 10);
        Architecture reordered = new ReversedParameters(model);
        Weights weights = Weights.initialize(model, 5);
        Weights reorderedWeights = Weights.initialize(reordered, 5);
        assertEquals(List.of("out.bias", "out.weight", "hidden.bias", "hidden.weight"), reorderedWeights.names());
        for (String name : weights.names()) {
            assertEquals(weights.get(name), reorderedWeights.get(name), name);
        }
    }

    @Test
    void heNormalHasZeroMeanAndTheDeclaredStandardDeviation() {
        float[] values = Weights.initialize(new TwoLayerPerceptron(64, 10), 9).get("hidden.weight").values();
        double mean = Arrays.stream(toDoubles(values)).average().orElseThrow();
        double variance = Arrays.stream(toDoubles(values)).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(0, mean, 0.002);
        assertEquals(Math.sqrt(2.0 / 784), Math.sqrt(variance), 0.01 * Math.sqrt(2.0 / 784));
    }

    @Test
    void stateStartsAtItsDeclaredValue() {
        Weights weights = Weights.initialize(new LinearSoftmax(3), 1);
        assertEquals(List.of("dense.weight", "dense.bias", "pixels.running_mean"), weights.names());
        assertEquals(WeightTensor.filled(new long[] {1}, 0f), weights.get("pixels.running_mean"));
    }

    @Test
    void npzRoundTripIsBitExact() throws IOException {
        float[] awkward = {Float.NaN, -0f, 0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, 1e-40f, 1f / 3};
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        tensors.put("conv1.weight", new WeightTensor(new long[] {2, 2, 1, 2}, awkward));
        tensors.put("scalar", new WeightTensor(new long[] {}, new float[] {7f}));
        tensors.put("empty", new WeightTensor(new long[] {0, 3}, new float[0]));
        Weights weights = new Weights(tensors);
        Path file = directory.resolve("weights.npz");

        weights.write(file);
        Weights read = Weights.read(file);

        assertEquals(weights, read);
        assertEquals(List.of("conv1.weight", "scalar", "empty"), read.names());
        assertArrayEquals(floatBits(awkward), floatBits(read.get("conv1.weight").values()));
    }

    @Test
    void npyHeaderIsExactlyWhatNumPyWrites() throws IOException {
        Path file = directory.resolve("w.npz");
        new Weights(Map.of("a", WeightTensor.filled(new long[] {2, 3}, 1f))).write(file);
        byte[] npy = entryBytes(file, "a.npy");

        String dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        byte[] expectedHeader = concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 'v', 0},
                (dictionary + " ".repeat(58) + "\n").getBytes(ISO_8859_1));
        assertEquals(128, expectedHeader.length);
        assertArrayEquals(expectedHeader, Arrays.copyOf(npy, 128));
        assertEquals(128 + 6 * Float.BYTES, npy.length);
    }

    @Test
    void readsArchivesWrittenByNumPyAndWritesTheSameArrays() throws Exception {
        assumeTrue(NumPyReference.python().isPresent(), "no python3 with NumPy here (Debian: python3-numpy)");
        Path numpyFile = directory.resolve("numpy-written.npz");
        NumPyReference.run("""
                import sys
                import numpy as np
                np.savez(sys.argv[1], **{
                    'layer.weight': ((np.arange(6, dtype=np.float32) - np.float32(2.5)) / np.float32(3)).reshape(2, 3),
                    'layer.bias': np.array([1.5, -2], dtype=np.float32),
                    'scale': np.array(0.75, dtype=np.float32),
                })
                """, numpyFile.toString());
        Weights weights = Weights.read(numpyFile);

        assertEquals(List.of("layer.weight", "layer.bias", "scale"), weights.names());
        assertArrayEquals(new long[] {2, 3}, weights.get("layer.weight").shape());
        assertArrayEquals(new float[] {-2.5f / 3, -1.5f / 3, -0.5f / 3, 0.5f / 3, 1.5f / 3, 2.5f / 3},
                weights.get("layer.weight").values());
        assertArrayEquals(new float[] {1.5f, -2f}, weights.get("layer.bias").values());
        assertArrayEquals(new long[] {}, weights.get("scale").shape());

        Path ourFile = directory.resolve("ours.npz");
        weights.write(ourFile);
        for (String entry : List.of("layer.weight.npy", "layer.bias.npy", "scale.npy")) {
            assertArrayEquals(entryBytes(numpyFile, entry), entryBytes(ourFile, entry), entry);
        }
    }

    @Test
    void sha256IsTheDigestOfTheWrittenFile() throws Exception {
        Weights weights = Weights.initialize(new LinearSoftmax(3), 4);
        Path file = directory.resolve("w.npz");
        weights.write(file);
        String fileDigest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(fileDigest, weights.sha256());
        assertEquals(weights.sha256(), Weights.read(file).sha256());
    }

    @Test
    void writingLeavesOnlyTheTargetFile() throws IOException {
        Path file = directory.resolve("models").resolve("w.npz");
        Weights.initialize(new LinearSoftmax(3), 4).write(file);
        Weights.initialize(new LinearSoftmax(3), 5).write(file);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(Weights.initialize(new LinearSoftmax(3), 5), Weights.read(file));
    }

    @Test
    void truncatedArchiveIsReportedWithItsPath() throws IOException {
        Path file = directory.resolve("w.npz");
        Weights.initialize(new LinearSoftmax(3), 4).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        IOException error = assertThrows(IOException.class, () -> Weights.read(file));
        assertEquals(file + " is not a readable .npz archive: zip END header not found", error.getMessage());
    }

    @Test
    void corruptDataFailsTheCrcCheck() throws IOException {
        Path file = directory.resolve("w.npz");
        Weights.initialize(new LinearSoftmax(3), 4).write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[200] ^= 0x10;
        Files.write(file, bytes);

        IOException error = assertThrows(IOException.class, () -> Weights.read(file));
        assertEquals(file + ": dense.weight.npy fails its CRC check; the file is corrupt", error.getMessage());
    }

    @Test
    void rejectsOtherDtypes() throws IOException {
        Path file = writeArchive("x.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16));
        IOException error = assertThrows(IOException.class, () -> Weights.read(file));
        assertEquals(file + ": x.npy has dtype '<f8'; only '<f4' (little-endian float32) is supported",
                error.getMessage());
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        Path file = writeArchive("x.npy", npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16));
        IOException error = assertThrows(IOException.class, () -> Weights.read(file));
        assertEquals(file + ": x.npy is stored in Fortran order; only C order is supported", error.getMessage());
    }

    @Test
    void rejectsDataThatDoesNotFitTheShape() throws IOException {
        Path file = writeArchive("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 20));
        IOException error = assertThrows(IOException.class, () -> Weights.read(file));
        assertEquals(file + ": x.npy has 20 bytes of data but shape (2, 3) needs 24", error.getMessage());
    }

    @Test
    void rejectsEntriesThatAreNotNpyArrays() throws IOException {
        Path notNpy = writeArchive("notes.txt", new byte[] {1, 2, 3});
        assertEquals(notNpy + ": entry notes.txt is not a .npy array",
                assertThrows(IOException.class, () -> Weights.read(notNpy)).getMessage());
        Path badMagic = writeArchive("x.npy", "not an array at all".getBytes(ISO_8859_1));
        assertEquals(badMagic + ": x.npy is not a .npy array (it lacks the \\x93NUMPY magic string)",
                assertThrows(IOException.class, () -> Weights.read(badMagic)).getMessage());
    }

    @Test
    void fineTuningToAnotherClassCountReinitialisesOnlyTheHead() {
        Weights pretrained = Weights.initialize(new TwoLayerPerceptron(16, 10), 1);
        Architecture target = new TwoLayerPerceptron(16, 47);

        Weights fineTuning = Weights.forFineTuning(target, pretrained, 2);

        assertEquals(pretrained.get("hidden.weight"), fineTuning.get("hidden.weight"));
        assertEquals(pretrained.get("hidden.bias"), fineTuning.get("hidden.bias"));
        Weights fresh = Weights.initialize(target, 2);
        assertEquals(fresh.get("out.weight"), fineTuning.get("out.weight"));
        assertEquals(fresh.get("out.bias"), fineTuning.get("out.bias"));
        assertArrayEquals(new long[] {16, 47}, fineTuning.get("out.weight").shape());
    }

    @Test
    void fineTuningWithTheSameClassCountCopiesEverything() {
        Weights pretrained = Weights.initialize(new TwoLayerPerceptron(16, 10), 1);
        assertEquals(pretrained, Weights.forFineTuning(new TwoLayerPerceptron(16, 10), pretrained, 2));
    }

    @Test
    void fineTuningRejectsADifferentBody() {
        Weights pretrained = Weights.initialize(new TwoLayerPerceptron(16, 10), 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Weights.forFineTuning(new TwoLayerPerceptron(32, 10), pretrained, 2));
        assertEquals("cannot fine-tune from these pre-trained weights: "
                + "hidden.weight has shape [784, 16] in the pre-trained weights but [784, 32] in the model; "
                + "hidden.bias has shape [16] in the pre-trained weights but [32] in the model", error.getMessage());
    }

    @Test
    void fineTuningRejectsMissingAndExtraTensors() {
        Weights pretrained = Weights.initialize(new LinearSoftmax(10), 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Weights.forFineTuning(new TwoLayerPerceptron(16, 10), pretrained, 2));
        assertEquals("cannot fine-tune from these pre-trained weights: "
                + "hidden.weight is missing from the pre-trained weights; "
                + "hidden.bias is missing from the pre-trained weights; "
                + "out.weight is missing from the pre-trained weights; "
                + "out.bias is missing from the pre-trained weights; "
                + "dense.weight is in the pre-trained weights but not in the model; "
                + "dense.bias is in the pre-trained weights but not in the model; "
                + "pixels.running_mean is in the pre-trained weights but not in the model", error.getMessage());
    }

    private Path writeArchive(String entryName, byte[] content) throws IOException {
        Path file = directory.resolve("handmade.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }

    private static byte[] npy(String dictionary, int dataBytes) {
        byte[] header = (dictionary + "\n").getBytes(ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0});
        out.writeBytes(header);
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    private static byte[] entryBytes(Path file, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static int[] floatBits(float[] values) {
        return IntStream.range(0, values.length).map(i -> Float.floatToRawIntBits(values[i])).toArray();
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    /** The same architecture with its parameters declared in reverse order. */
    private record ReversedParameters(Architecture model) implements Architecture {
        @Override
        public List<ParameterSpec> parameters() {
            List<ParameterSpec> reversed = new ArrayList<>(model.parameters());
            Collections.reverse(reversed);
            return reversed;
        }

        @Override
        public List<String> headParameters() {
            return model.headParameters();
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
            return model.logits(graph, images, training);
        }
    }
}
