package org.transferlab.kernel.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the JSON files of a run directory; a file that cannot be parsed is reported with its path and position. */
final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ReportException(file + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's content, or empty when it does not exist. */
    static Optional<JsonNode> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    static JsonNode array(JsonNode node, Path file) {
        if (node == null || !node.isArray()) {
            throw new ReportException(file + " should hold a JSON array");
        }
        return node;
    }

    static String text(JsonNode object, String field, Path file, String what) {
        JsonNode value = object.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new ReportException(file + ": " + what + " has no \"" + field + "\"");
        }
        return value.asText();
    }

    static String textOrNull(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    /** A number; Jackson writes NaN and infinities as the strings "NaN" and "Infinity", and null means NaN. */
    static double number(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
