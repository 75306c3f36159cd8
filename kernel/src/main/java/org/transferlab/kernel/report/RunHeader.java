package org.transferlab.kernel.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What produced a run, from its {@code manifest.json}; a key the manifest lacks (an older or hand-made run) is left out.
 *
 * @param facts label → value in the order the report shows them: date, config hash, TensorFlow, device, …
 */
record RunHeader(String experiment, Map<String, String> facts) {

    RunHeader {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    static RunHeader of(JsonNode manifest, String fallbackName) {
        String experiment = JsonFiles.textOrNull(manifest, "experiment");
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "date", JsonFiles.textOrNull(manifest, "created"));
        put(facts, "config SHA-256", JsonFiles.textOrNull(manifest, "fileSha256"));
        put(facts, "seed", JsonFiles.textOrNull(manifest, "seed"));
        put(facts, "repeats", JsonFiles.textOrNull(manifest, "repeats"));
        put(facts, "TensorFlow", JsonFiles.textOrNull(manifest, "tensorflow"));
        String device = JsonFiles.textOrNull(manifest, "device");
        String threads = JsonFiles.textOrNull(manifest, "threads");
        put(facts, "device", device == null ? null
                : device + (threads == null ? "" : ", threads " + (threads.equals("0") ? "all" : threads)));
        put(facts, "precision", JsonFiles.textOrNull(manifest, "precision"));
        put(facts, "transferlab", JsonFiles.textOrNull(manifest, "transferlab"));
        put(facts, "plugin API", JsonFiles.textOrNull(manifest, "pluginApi"));
        return new RunHeader(experiment != null ? experiment : fallbackName, facts);
    }

    private static void put(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(label, value);
        }
    }
}
