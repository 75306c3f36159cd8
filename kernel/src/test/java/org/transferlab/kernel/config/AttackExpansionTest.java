package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.FakePlugins.DiFgsmOptions;
import org.transferlab.kernel.config.FakePlugins.PgdOptions;
import org.transferlab.kernel.config.FakePlugins.Probability;

class AttackExpansionTest {

    private static final String METHOD = "{ plugin: fgsm, eps: 0.1 }";

    private static List<Record> variants(String method) throws ConfigException {
        return TestExperiments.config(baseWith(METHOD, method)).attack().methods().get(0).variants();
    }

    @Test
    void expandsListsIntoTheirCartesianProductWithTheFirstListVaryingSlowest() throws ConfigException {
        List<Record> variants = variants("{ plugin: pgd, eps: [0.1, 0.2, 0.3], step_size: 0.01, steps: [10, 40] }");

        assertEquals(List.of(
                new PgdOptions(0.1, 0.01, 10, null), new PgdOptions(0.1, 0.01, 40, null),
                new PgdOptions(0.2, 0.01, 10, null), new PgdOptions(0.2, 0.01, 40, null),
                new PgdOptions(0.3, 0.01, 10, null), new PgdOptions(0.3, 0.01, 40, null)), variants);
    }

    @Test
    void followsTheFileOrderOfOptionsNotTheRecordOrder() throws ConfigException {
        List<Record> variants = variants("{ plugin: pgd, steps: [10, 40], eps: [0.1, 0.2] }");

        assertEquals(List.of(
                new PgdOptions(0.1, null, 10, null), new PgdOptions(0.2, null, 10, null),
                new PgdOptions(0.1, null, 40, null), new PgdOptions(0.2, null, 40, null)), variants);
    }

    @Test
    void givesAnEntryWithoutListsExactlyOneSetting() throws ConfigException {
        assertEquals(List.of(new PgdOptions(0.3, 0.01, 40, true)),
                variants("{ plugin: pgd, eps: 0.3, step_size: 0.01, steps: 40, random_start: true }"));
    }

    @Test
    void takesAListAsTheValueOfAListOption() throws ConfigException {
        List<Record> variants = variants("{ plugin: di-fgsm, eps: [0.1, 0.2], scales: [0.9, 1.1] }");

        assertEquals(List.of(
                new DiFgsmOptions(0.1, List.of(0.9, 1.1), null),
                new DiFgsmOptions(0.2, List.of(0.9, 1.1), null)), variants);
    }

    @Test
    void expandsAListOfMappingsGivenForARecordOption() throws ConfigException {
        List<Record> variants = variants("{ plugin: di-fgsm, eps: 0.1, diversity: [{ p: 0.5 }, { p: 1 }] }");

        assertEquals(List.of(
                new DiFgsmOptions(0.1, null, new Probability(0.5)),
                new DiFgsmOptions(0.1, null, new Probability(1.0))), variants);
    }

    @Test
    void pointsAtTheListElementThatBreaksAConstraint() {
        assertEquals(List.of("exp.yaml:16:39: attack.methods[0].eps[1]: must be greater than or equal to 0"),
                errors(baseWith(METHOD, "{ plugin: pgd, eps: [0.1, -0.2] }")));
    }

    @Test
    void pointsAtTheListElementOfTheWrongType() {
        assertEquals(List.of("exp.yaml:16:39: attack.methods[0].eps[1]: expected a number, got 'big'"),
                errors(baseWith(METHOD, "{ plugin: pgd, eps: [0.1, big] }")));
    }

    @Test
    void reportsAViolationOfAnUnexpandedOptionOnceForAllSettings() {
        assertEquals(List.of("exp.yaml:16:52: attack.methods[0].steps: must be greater than or equal to 1"),
                errors(baseWith(METHOD, "{ plugin: pgd, eps: [0.1, 0.2], steps: 0 }")));
    }

    @Test
    void rejectsAnEmptyList() {
        assertEquals(List.of("exp.yaml:16:33: attack.methods[0].eps: an empty list expands into no settings"),
                errors(baseWith(METHOD, "{ plugin: pgd, eps: [] }")));
    }

    @Test
    void limitsTheNumberOfSettingsOfOneEntry() {
        String hundred = IntStream.rangeClosed(1, 101).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ", "[", "]"));

        assertEquals(List.of("exp.yaml:16:13: attack.methods[0]: expands into more than 10000 settings"),
                errors(baseWith(METHOD, "{ plugin: pgd, eps: " + hundred + ", steps: " + hundred + " }")));
    }

    @Test
    void expandsOnlyAttackMethods() {
        assertEquals(List.of("exp.yaml:5:42: datasets.letters.transpose: lists expand only attack methods; "
                        + "'transpose' takes a single value here"),
                errors(baseWith("letters: { plugin: letters }",
                        "letters: { plugin: letters, transpose: [true, false] }")));
    }
}
