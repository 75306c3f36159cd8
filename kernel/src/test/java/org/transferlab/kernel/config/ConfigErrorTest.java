package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorTest {

    @Test
    void showsFilePositionPathAndMessage() {
        assertEquals("exp.yaml:3:7: recipes.train.epochs: must be greater than or equal to 1",
                new ConfigError("exp.yaml", 3, 7, "recipes.train.epochs", "must be greater than or equal to 1")
                        .toString());
    }

    @Test
    void leavesThePathOutForProblemsOfTheWholeDocument() {
        assertEquals("exp.yaml:1:1: the file holds no settings",
                new ConfigError("exp.yaml", 1, 1, "", "the file holds no settings").toString());
    }

    @Test
    void sortsByFileThenLineThenColumnThenPath() {
        ConfigError b1 = new ConfigError("b.yaml", 1, 1, "seed", "x");
        ConfigError a10 = new ConfigError("a.yaml", 10, 1, "seed", "x");
        ConfigError a2col9 = new ConfigError("a.yaml", 2, 9, "seed", "x");
        ConfigError a2col3pathB = new ConfigError("a.yaml", 2, 3, "b", "x");
        ConfigError a2col3pathA = new ConfigError("a.yaml", 2, 3, "a", "x");

        ConfigException exception = new ConfigException(List.of(b1, a10, a2col9, a2col3pathB, a2col3pathA));

        assertEquals(List.of(a2col3pathA, a2col3pathB, a2col9, a10, b1), exception.errors());
        assertEquals("""
                a.yaml:2:3: a: x
                a.yaml:2:3: b: x
                a.yaml:2:9: seed: x
                a.yaml:10:1: seed: x
                b.yaml:1:1: seed: x""", exception.getMessage());
    }

    @Test
    void needsAtLeastOneError() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }
}
