package org.transferlab.kernel.estimate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.transferlab.kernel.io.AtomicFiles;

/**
 * Speeds measured on one machine, by what was measured ({@code train|…}, {@code infer|…}, …), kept in one JSON file per
 * machine so that a later estimate measures only what it has not seen. The file names the machine it describes; a file
 * that does not parse, or describes another machine, is measured again rather than trusted.
 */
public final class Calibration {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final String machine;
    private final Map<String, Double> values;

    private Calibration(Path file, String machine, Map<String, Double> values) {
        this.file = file;
        this.machine = machine;
        this.values = values;
    }

    /** The calibration of {@code machine} in {@code folder}, empty when there is none yet. */
    public static Calibration open(Path folder, MachineKey machine) {
        requireNonNull(folder, "folder is null");
        requireNonNull(machine, "machine is null");
        Path file = folder.resolve(machine.id() + ".json");
        Map<String, Double> values = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                Map<String, Object> stored = JSON.readValue(file.toFile(), new TypeReference<>() { });
                if (machine.description().equals(stored.get("machine")) && stored.get("speeds") instanceof Map<?, ?> speeds) {
                    speeds.forEach((key, value) -> {
                        if (key instanceof String name && value instanceof Number number && number.doubleValue() > 0) {
                            values.put(name, number.doubleValue());
                        }
                    });
                }
            } catch (IOException e) {
                values.clear();
            }
        }
        return new Calibration(file, machine.description(), values);
    }

    /** An empty calibration of {@code machine} that replaces the kept one when saved. */
    public static Calibration empty(Path folder, MachineKey machine) {
        return new Calibration(folder.resolve(machine.id() + ".json"), machine.description(), new TreeMap<>());
    }

    public Optional<Double> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public void put(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a measured speed must be positive and finite, got " + value + " for " + key);
        }
        values.put(key, value);
    }

    public int size() {
        return values.size();
    }

    public Path file() {
        return file;
    }

    /** Writes the file under a temporary name and renames it, so that a killed estimate leaves the old one. */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> content = Map.of("machine", machine, "speeds", new TreeMap<>(values));
        AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(content)));
    }
}
