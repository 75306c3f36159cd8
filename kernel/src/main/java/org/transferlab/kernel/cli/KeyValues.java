package org.transferlab.kernel.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plugin options given on the command line as {@code KEY=VALUE} words. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(List<String> words) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 1) {
                throw new BadInputException("option '" + word + "' is not KEY=VALUE (e.g. depth=2)");
            }
            parsed.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return parsed;
    }
}
