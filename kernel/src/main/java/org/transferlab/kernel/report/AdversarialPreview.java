package org.transferlab.kernel.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An attack's {@code preview.png} (rows: clean, adversarial, amplified perturbation) and what its {@code meta.json}
 * says about it.
 *
 * @param path     relative to the run directory, with forward slashes
 * @param options  the attack's options as written, e.g. {@code eps=0.1}
 */
record AdversarialPreview(String id, String source, String attack, String options, String budget, String path,
        byte[] png) {

    static AdversarialPreview read(Path runDirectory, Path attackDirectory, byte[] png) {
        Path metaFile = attackDirectory.resolve("meta.json");
        JsonNode meta = JsonFiles.read(metaFile);
        StringJoiner options = new StringJoiner(", ");
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("options").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            options.add(option.getKey() + "=" + option.getValue().asText());
        }
        JsonNode budgetNode = meta.get("budget");
        String budget = budgetNode == null ? null
                : JsonFiles.textOrNull(budgetNode, "norm") + " " + ReportNumbers.budget(JsonFiles.number(budgetNode, "epsilon"));
        String path = runDirectory.relativize(attackDirectory.resolve("preview.png")).toString().replace('\\', '/');
        return new AdversarialPreview(JsonFiles.text(meta, "id", metaFile, "the attack"),
                JsonFiles.text(meta, "source", metaFile, "the attack"), JsonFiles.text(meta, "attack", metaFile, "the attack"),
                options.toString(), budget, path, png);
    }
}
