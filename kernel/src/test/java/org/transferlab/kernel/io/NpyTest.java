package org.transferlab.kernel.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @Test
    void headerShapesAreFormattedAsPythonTuples() {
        assertEquals("()", Npy.tuple(new long[] {}));
        assertEquals("(5,)", Npy.tuple(new long[] {5}));
        assertEquals("(3, 3, 1, 32)", Npy.tuple(new long[] {3, 3, 1, 32}));
        for (long[] shape : new long[][] {{}, {5}, {3, 3, 1, 32}, {123456, 2}}) {
            assertEquals(0, Npy.header(shape).length % 64, Arrays.toString(shape));
        }
    }

    @Test
    void int32ArraysHaveNumPysHeaderAndRoundTrip() throws Exception {
        int[] labels = {7, -1, 0, Integer.MAX_VALUE};
        byte[] npy = Npy.encode(labels, 4);
        // numpy.save(f, numpy.array([7, -1, 0, 2**31 - 1], dtype='<i4')): 21 - 1 growth spaces, then padding to 128.
        String dictionary = "{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }";
        byte[] expectedHeader = (dictionary + " ".repeat(128 - 10 - dictionary.length() - 1) + "\n").getBytes(ISO_8859_1);
        assertArrayEquals(expectedHeader, Arrays.copyOfRange(npy, 10, 128));
        assertEquals(128 + 16, npy.length);
        Npy.IntArray decoded = Npy.decodeInts(npy);
        assertArrayEquals(new long[] {4}, decoded.shape());
        assertArrayEquals(labels, decoded.values());
    }

    @Test
    void float32ArraysRoundTripBitForBit() throws Exception {
        float[] images = {0f, -0f, 1f, Float.NaN, 0.1f, Float.MIN_VALUE};
        Npy.FloatArray decoded = Npy.decodeFloats(Npy.encode(images, 2, 3, 1));
        assertArrayEquals(new long[] {2, 3, 1}, decoded.shape());
        for (int i = 0; i < images.length; i++) {
            assertEquals(Float.floatToRawIntBits(images[i]), Float.floatToRawIntBits(decoded.values()[i]));
        }
    }

    @Test
    void numPyLoadsOurAdversarialImagesAndLabelsWithTheirDtypeShapeAndValues(@TempDir Path directory) throws Exception {
        assumeTrue(NumPyReference.python().isPresent(), "no python3 with NumPy here (Debian: python3-numpy)");
        float[] images = new float[2 * 28 * 28];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i % 255) / 255f;
        }
        images[5] = 0.1f;
        Path imageFile = directory.resolve("adversarial.npy");
        Path labelFile = directory.resolve("labels.npy");
        Files.write(imageFile, Npy.encode(images, 2, 28, 28, 1));
        Files.write(labelFile, Npy.encode(new int[] {3, 9}, 2));
        // NumPy checks the header itself when loading; the script then checks what it loaded, exactly.
        NumPyReference.run("""
                import sys
                import numpy as np
                x = np.load(sys.argv[1])
                y = np.load(sys.argv[2])
                assert x.dtype == np.dtype('<f4') and x.shape == (2, 28, 28, 1), (x.dtype, x.shape)
                expected = (np.arange(2 * 28 * 28) % 255).astype(np.float32) / np.float32(255)
                expected[5] = np.float32(0.1)
                assert np.array_equal(x.reshape(-1), expected)
                assert y.dtype == np.dtype('<i4') and y.shape == (2,) and y.tolist() == [3, 9], (y.dtype, y)
                """, imageFile.toString(), labelFile.toString());
    }

    @Test
    void readingTheWrongDtypeSaysWhichOneWasExpected() {
        byte[] floats = Npy.encode(new float[] {1f}, 1);
        Npy.FormatException error = assertThrows(Npy.FormatException.class, () -> Npy.decodeInts(floats));
        assertEquals("has dtype '<f4'; only '<i4' (little-endian int32) is supported", error.getMessage());
    }

    @Test
    void aShapeThatDoesNotMatchTheValuesIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Npy.encode(new int[3], 2, 2));
        assertEquals("shape (2, 2) holds 4 values, got 3", error.getMessage());
    }
}
