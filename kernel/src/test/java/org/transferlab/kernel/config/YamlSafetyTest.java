package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class YamlSafetyTest {

    @Test
    void rejectsEveryTagThatIsNotAPlainYamlValue() {
        String yaml = baseWith("seed: 1", """
                seed: 1
                output: !!java.io.File /etc/passwd
                runtime: !local { device: cpu }
                data: { root: !<tag:example.com,2024:path> /data, download: !!binary dHJ1ZQ== }""");

        assertEquals(List.of(
                "exp.yaml:3:9: output: tag !!java.io.File is not allowed: only plain YAML values are accepted",
                "exp.yaml:4:10: runtime: tag !local is not allowed: only plain YAML values are accepted",
                "exp.yaml:5:15: data.root: "
                        + "tag !<tag:example.com,2024:path> is not allowed: only plain YAML values are accepted",
                "exp.yaml:5:61: data.download: tag !!binary is not allowed: only plain YAML values are accepted"),
                errors(yaml));
    }

    @Test
    void acceptsStandardTagsAndDateLikeStrings() throws ConfigException {
        ExperimentConfig config = TestExperiments.config(baseWith("seed: 1", "seed: !!int 7\noutput: 2024-01-31"));

        assertEquals(7L, config.seed());
        assertEquals("2024-01-31", config.output());
    }

    @Test
    void refusesAnAliasBomb() {
        String lol = IntStream.range(0, 9).mapToObj(i -> "lol").collect(Collectors.joining(", ", "[", "]"));
        StringBuilder yaml = new StringBuilder("a: &a " + lol + "\n");
        for (char level = 'b'; level <= 'j'; level++) {
            String previous = "*" + (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(' ')
                    .append(IntStream.range(0, 9).mapToObj(i -> previous).collect(Collectors.joining(", ", "[", "]")))
                    .append('\n');
        }

        assertEquals(List.of("exp.yaml:7:28: more than 50 aliases to lists or mappings (a guard against alias bombs)"),
                errors(yaml.toString()));
    }

    @Test
    void refusesAnAliasInsideTheCollectionItRefersTo() {
        String yaml = baseWith("recipes:\n", "loop: &loop [1, *loop]\nrecipes:\n");

        assertEquals(List.of("exp.yaml:8:17: loop[1]: an alias may not refer to a list or mapping that contains it "
                        + "(in the value of alias *loop, anchored at line 8)"),
                errors(yaml));
    }

    @Test
    void refusesMergeKeys() {
        String yaml = baseWith("  train: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }",
                "  train: &train { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }\n"
                        + "  slow: { <<: *train, learning_rate: 0.01 }");

        assertEquals(List.of("exp.yaml:10:11: recipes.slow.<<: "
                        + "merge keys (<<) are not supported; write the settings out"),
                errors(yaml));
    }

    @Test
    void reportsMalformedYamlAsOneErrorWithItsPosition() {
        String yaml = baseWith("seed: 1", "seed: [1, 2\nrepeats: ten");

        assertEquals(List.of("exp.yaml:3:8: "
                        + "expected ',' or ']', but got : (while parsing a flow sequence at line 2, column 7)"),
                errors(yaml));
    }

    @Test
    void reportsAMappingValueWhereNoneMayStart() {
        assertEquals(List.of("exp.yaml:2:8: mapping values are not allowed here"),
                errors(baseWith("seed: 1", "seed: 1: 2")));
    }

    @Test
    void requiresASingleDocument() {
        assertEquals(List.of("exp.yaml:18:1: the file must hold a single YAML document, but another one starts here"),
                errors(TestExperiments.BASE + "---\nseed: 2\n"));
    }

    @Test
    void reportsAnEmptyFile() {
        assertEquals(List.of("exp.yaml:1:1: the file holds no settings"), errors("# nothing yet\n"));
    }

    @Test
    void limitsTheSizeOfTheFile() {
        String yaml = TestExperiments.BASE + "# " + "x".repeat(YamlComposer.MAX_CODE_POINTS) + "\n";

        assertEquals(List.of("exp.yaml:1:1: the file is longer than 1048576 characters"), errors(yaml));
    }

    @Test
    void limitsTheNestingDepth() {
        String yaml = baseWith("seed: 1", "seed: " + "[".repeat(60) + "]".repeat(60));

        assertEquals(List.of("exp.yaml:2:56: lists and mappings are nested more than 50 levels deep"), errors(yaml));
    }
}
