package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.FakePlugins.FakeAttack;

class PluginEntryTest {

    private static final String METHOD = "{ plugin: fgsm, eps: 0.1 }";

    @Test
    void listsTheAvailablePluginsWhenNoneIsClose() {
        assertEquals(List.of("exp.yaml:16:23: attack.methods[0].plugin: unknown attack plugin 'carlini'; "
                        + "available: bim, di-fgsm, fgsm, odd, pgd"),
                errors(baseWith(METHOD, "{ plugin: carlini }")));
    }

    @Test
    void checksMetricNamesAgainstTheMetricPlugins() {
        assertEquals(List.of("exp.yaml:17:21: metrics[1]: unknown metric plugin 'acuracy'; did you mean 'accuracy'?"),
                errors(baseWith("metrics: [accuracy]", "metrics: [accuracy, acuracy]")));
    }

    @Test
    void looksPluginsUpByTheKindTheirSectionImplies() {
        assertEquals(List.of("exp.yaml:7:22: models.alexnet.plugin: "
                        + "unknown model plugin 'mnist'; available: alexnet, fragile, mixer"),
                errors(baseWith("alexnet: { plugin: alexnet }", "alexnet: { plugin: mnist }")));
    }

    @Test
    void mentionsPluginJarsThatFailedToLoad() {
        List<String> failures = List.of("plugins/cw/cw.jar: zip END header not found");

        assertEquals(List.of("exp.yaml:16:23: attack.methods[0].plugin: unknown attack plugin 'cw-l2'; "
                        + "available: bim, di-fgsm, fgsm, odd, pgd; "
                        + "note: some plugin JARs failed to load: plugins/cw/cw.jar: zip END header not found"),
                errors(baseWith(METHOD, "{ plugin: cw-l2 }"), FakePlugins.catalog(failures)));
    }

    @Test
    void saysSoWhenAPluginTakesNoOptions() {
        assertEquals(List.of("exp.yaml:4:27: datasets.mnist.split: unknown key 'split'; known keys: none"),
                errors(baseWith("mnist: { plugin: mnist }", "mnist: { plugin: mnist, split: digits }")));
    }

    @Test
    void rejectsOptionTypesThatAFileCannotExpress() {
        assertEquals(List.of(
                "exp.yaml:16:34: attack.methods[0].tags: "
                        + "values of type java.util.Set<java.lang.String> cannot be given "
                        + "in an experiment file",
                "exp.yaml:16:49: attack.methods[0].strength: "
                        + "values of type float cannot be given in an experiment file"),
                errors(baseWith(METHOD, "{ plugin: odd, tags: [a], strength: 1 }")));
    }

    @Test
    void reportsOptionsThatTheirRecordRefuses() {
        assertEquals(List.of("exp.yaml:16:13: attack.methods[0]: invalid settings: step_size must not exceed eps"),
                errors(baseWith(METHOD, "{ plugin: bim, eps: 0.1, step_size: 0.5 }")));
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void rejectsAPluginWhoseOptionsAreNotARecord() {
        FakeAttack notARecord = new FakeAttack("strings", (Class) String.class);

        assertEquals(List.of("exp.yaml:16:23: attack.methods[0].plugin: plugin 'strings' cannot be configured: "
                        + "its options type java.lang.String is not a record"),
                errors(baseWith(METHOD, "{ plugin: strings }"), FakePlugins.catalogWith(notARecord)));
    }
}
