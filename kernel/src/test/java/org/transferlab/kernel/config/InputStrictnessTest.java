package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that YAML or Java would read some other way than the researcher meant are refused, each at its position. */
class InputStrictnessTest {

    @Test
    void yaml11BooleansAreRefusedAndOnlyTrueOrFalseAreBooleans() {
        assertEquals(List.of("exp.yaml:3:19: data.download: expected true or false, got 'yes' (a boolean only in "
                        + "YAML 1.1; this file is read as YAML 1.2)"),
                errors(baseWith("seed: 1\n", "seed: 1\ndata: { download: yes }\n")));
        assertEquals(List.of("exp.yaml:3:19: data.download: expected true or false, got 'on' (a boolean only in "
                        + "YAML 1.1; this file is read as YAML 1.2)"),
                errors(baseWith("seed: 1\n", "seed: 1\ndata: { download: on }\n")));
    }

    @Test
    void aNumberWithALeadingZeroIsRefusedBecauseYaml11ReadsItAsOctal() {
        assertEquals(List.of("exp.yaml:2:7: seed: '010' starts with 0, which YAML 1.1 reads as octal; write the number "
                + "without leading zeros"), errors(baseWith("seed: 1\n", "seed: 010\n")));
        assertEquals(List.of("exp.yaml:16:34: attack.methods[0].eps: '00.1' starts with 0, which YAML 1.1 reads as "
                + "octal; write the number without leading zeros"), errors(baseWith("eps: 0.1", "eps: 00.1")));
    }

    @Test
    void aNumberTooSmallForADoubleIsRefusedInsteadOfBecomingZero() {
        assertEquals(List.of("exp.yaml:16:34: attack.methods[0].eps: '1e-400' is too small for a double and would be "
                + "read as 0; write 0 if that is meant"), errors(baseWith("eps: 0.1", "eps: 1e-400")));
    }

    @Test
    void aMetricListedTwiceIsReportedAtItsSecondEntry() {
        assertEquals(List.of("exp.yaml:17:21: metrics[1]: lists the metric 'accuracy' again, as metrics[0] does; remove "
                + "one of the two"), errors(baseWith("metrics: [accuracy]", "metrics: [accuracy, accuracy]")));
    }

    @Test
    void aDataRootThatIsAFileIsReportedBeforeAnythingRuns(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("data"), "not a folder");
        assertEquals(List.of("exp.yaml:3:15: data.root: " + file + " is a file, not a folder; data.root is the folder "
                + "that holds one sub-folder per dataset"),
                errors(baseWith("seed: 1\n", "seed: 1\ndata: { root: " + file + " }\n")));
    }

    @Test
    void aMistakeInAnAliasedValueIsReportedWhereTheAliasIsUsedNamingTheAnchor() {
        String anchored = baseWith("train: { epochs", "train: &t { epochs");
        List<String> whole = errors(anchored.replace("metrics: [accuracy]", "metrics: *t"));
        assertEquals(1, whole.size(), whole.toString());
        assertTrue(whole.get(0).startsWith("exp.yaml:17:10: metrics: ")
                && whole.get(0).endsWith(" (in the value of alias *t, anchored at line 9)"), whole.toString());

        List<String> inside = errors(anchored.replace("data: { dataset: mnist, samples: 50 }", "data: *t"));
        assertTrue(!inside.isEmpty() && inside.stream().allMatch(line -> line.startsWith("exp.yaml:15:9: attack.data")
                && line.endsWith("(in the value of alias *t, anchored at line 9)")), inside.toString());
    }

    @Test
    void invisibleCharactersInKeysAndValuesAreEscapedInMessages() {
        List<String> problems = errors(baseWith("models: [alexnet], datasets: [letters]",
                "models: [alex\u200bnet], datasets: [\u202eletters]"));
        assertTrue(problems.contains("exp.yaml:11:16: pretrain[0].models[0]: unknown model alias 'alex\\u200bnet'; "
                + "did you mean 'alexnet'?"), problems.toString());
        assertTrue(problems.stream().anyMatch(line -> line.contains("unknown dataset alias '\\u202eletters'")),
                problems.toString());
        assertTrue(problems.stream().noneMatch(line -> line.chars().anyMatch(c -> c == 0x202e || c == 0x200b)));
    }

    @Test
    void aControlCharacterThatYamlForbidsIsReportedWhereItIsAndEscaped() {
        assertEquals(List.of("exp.yaml:11:37: the file holds the character \\e, which YAML does not allow (control "
                        + "characters other than tab and line breaks); remove it"),
                errors(baseWith("datasets: [letters]", "datasets: [\u001b[31mletters]")));
    }
}
