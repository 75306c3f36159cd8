package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;
import org.transferlab.kernel.io.AtomicFiles;

/**
 * The values of a model's parameters and state, by name, in canonical order (parameters first, then state). Stored as
 * a NumPy {@code .npz} archive of float32 arrays.
 */
public final class Weights {

    private final Map<String, WeightTensor> tensors;

    public Weights(Map<String, WeightTensor> tensors) {
        requireNonNull(tensors, "tensors is null");
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /**
     * Fresh weights for an architecture. Each parameter is sampled from its own random stream, seeded from
     * {@code seed} and its name, so a tensor's values depend on nothing else.
     */
    public static Weights initialize(Architecture architecture, long seed) {
        requireNonNull(architecture, "architecture is null");
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        for (ParameterSpec parameter : architecture.parameters()) {
            tensors.put(parameter.name(), sample(parameter, seed));
        }
        for (StateSpec state : architecture.state()) {
            tensors.put(state.name(), WeightTensor.filled(state.shape(), state.initial()));
        }
        return new Weights(tensors);
    }

    /**
     * Weights for fine-tuning {@code target} from {@code pretrained}: every tensor is copied, except that a head
     * parameter (and state owned by one) whose shape differs, because the class count differs, is initialised afresh.
     * Any other difference between the two models is an error.
     */
    public static Weights forFineTuning(Architecture target, Weights pretrained, long seed) {
        requireNonNull(target, "target is null");
        requireNonNull(pretrained, "pretrained is null");
        Set<String> head = Set.copyOf(target.headParameters());
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ParameterSpec parameter : target.parameters()) {
            WeightTensor copied = pretrained.tensors.get(parameter.name());
            if (copied != null && copied.hasShape(parameter.shape())) {
                tensors.put(parameter.name(), copied);
            } else if (copied != null && head.contains(parameter.name())) {
                tensors.put(parameter.name(), sample(parameter, seed));
            } else {
                problems.add(mismatch(parameter.name(), parameter.shape(), copied));
            }
        }
        for (StateSpec state : target.state()) {
            WeightTensor copied = pretrained.tensors.get(state.name());
            if (copied != null && copied.hasShape(state.shape())) {
                tensors.put(state.name(), copied);
            } else if (copied != null && head.contains(state.owner())) {
                tensors.put(state.name(), WeightTensor.filled(state.shape(), state.initial()));
            } else {
                problems.add(mismatch(state.name(), state.shape(), copied));
            }
        }
        Set<String> targetNames = new HashSet<>();
        target.parameters().forEach(parameter -> targetNames.add(parameter.name()));
        target.state().forEach(state -> targetNames.add(state.name()));
        for (String name : pretrained.names()) {
            if (!targetNames.contains(name)) {
                problems.add(name + " is in the pre-trained weights but not in the model");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot fine-tune from these pre-trained weights: " + String.join("; ", problems));
        }
        return new Weights(tensors);
    }

    public static Weights read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        return new Weights(NpzArchive.read(file));
    }

    /** Writes the archive under a temporary name and renames it into place. */
    public void write(Path file) throws IOException {
        requireNonNull(file, "file is null");
        AtomicFiles.write(file, out -> NpzArchive.write(out, tensors));
    }

    /** The SHA-256 (hex) of the archive that {@link #write} produces, which is a pure function of the tensors. */
    public String sha256() {
        MessageDigest sha256 = Seeds.newSha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            NpzArchive.write(out, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a digest cannot fail", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    public List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public WeightTensor get(String name) {
        WeightTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("no tensor named " + name + "; present: " + names());
        }
        return tensor;
    }

    /** Every tensor, in canonical order. */
    public Map<String, WeightTensor> tensors() {
        return tensors;
    }

    /** Equal when both hold the same names in the same order with bit-identical values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Weights that
                && names().equals(that.names())
                && tensors.equals(that.tensors);
    }

    @Override
    public int hashCode() {
        return tensors.hashCode();
    }

    @Override
    public String toString() {
        return "Weights" + names();
    }

    private static WeightTensor sample(ParameterSpec parameter, long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "init/" + parameter.name()));
        int size = Math.toIntExact(parameter.size());
        return new WeightTensor(parameter.shape(), InitializerSampler.sample(parameter.initializer(), size, random));
    }

    private static String mismatch(String name, long[] expectedShape, WeightTensor found) {
        if (found == null) {
            return name + " is missing from the pre-trained weights";
        }
        return name + " has shape " + Arrays.toString(found.shape()) + " in the pre-trained weights but "
                + Arrays.toString(expectedShape) + " in the model";
    }
}
