package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.transferlab.kernel.plugin.PluginCatalog;

/** A small valid experiment to vary, and shortcuts to load text with the fake plugins. */
final class TestExperiments {

    static final String FILE = "exp.yaml";

    /** Line numbers matter: tests pin positions in variations of this text. */
    static final String BASE = """
            experiment: study
            seed: 1
            datasets:
              mnist: { plugin: mnist }
              letters: { plugin: letters }
            models:
              alexnet: { plugin: alexnet }
            recipes:
              train: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }
            pretrain:
              - { models: [alexnet], datasets: [letters], recipe: train }
            finetune:
              - { from: { models: [alexnet] }, dataset: mnist, subset: [100], freeze: { first: 4 }, recipe: train }
            attack:
              data: { dataset: mnist, samples: 50 }
              methods: [{ plugin: fgsm, eps: 0.1 }]
            metrics: [accuracy]
            """;

    private TestExperiments() {
    }

    static LoadedExperiment load(String yaml) throws ConfigException {
        return ConfigLoader.load(yaml, FILE, FakePlugins.catalog());
    }

    static ExperimentConfig config(String yaml) throws ConfigException {
        return load(yaml).config();
    }

    static List<String> errors(String yaml) {
        return errors(yaml, FakePlugins.catalog());
    }

    static List<String> errors(String yaml, PluginCatalog catalog) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml, FILE, catalog));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    /** {@link #BASE} with one piece of text replaced; fails loudly when the piece is not there. */
    static String baseWith(String original, String replacement) {
        if (!BASE.contains(original)) {
            throw new IllegalArgumentException("the base experiment has no '" + original + "'");
        }
        return BASE.replace(original, replacement);
    }
}
