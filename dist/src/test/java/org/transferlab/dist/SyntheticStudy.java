package org.transferlab.dist;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The small study the distribution tests run: two alexnets pre-trained on two synthetic glyph domains for one epoch,
 * the first fine-tuned on a third domain (first 8 tensors frozen) at the given subset sizes, and FGSM at ε 0.1 and 0.3
 * (or the given attack methods) from both sources, with the paired McNemar comparison. It takes well under a minute on
 * two cores.
 */
final class SyntheticStudy {

    private SyntheticStudy() {
    }

    /** @param subsets a YAML list of fine-tuning subset sizes, e.g. {@code [150, 300]} */
    static String yaml(String experiment, int seed, String subsets, int samples) {
        return yaml(experiment, seed, subsets, samples, "{ plugin: fgsm, eps: [0.1, 0.3] }");
    }

    /** @param methods the entries of {@code attack.methods}, e.g. {@code { plugin: pgd, eps: [0.1], steps: 5 }} */
    static String yaml(String experiment, int seed, String subsets, int samples, String... methods) {
        return """
                experiment: %s
                seed: %d
                output: out
                datasets:
                  outline:  { plugin: synthetic, style: outline,  train: 600, test: 100, seed: 1 }
                  inverted: { plugin: synthetic, style: inverted, train: 600, test: 100, seed: 2 }
                  digits:   { plugin: synthetic, style: stroke,   train: 600, test: 300, seed: 3 }
                models:
                  alexnet: { plugin: alexnet }
                recipes:
                  quick: { epochs: 1, batch_size: 50, optimizer: adam, learning_rate: 0.001 }
                pretrain:
                  - { models: [alexnet], datasets: [outline, inverted], recipe: quick }
                finetune:
                  - { from: { models: [alexnet], datasets: [outline] }, dataset: digits, subset: %s, freeze: { first: 8 }, recipe: quick }
                attack:
                  data: { dataset: digits, split: test, samples: %d }
                  methods:
                %s
                metrics: [accuracy, transfer-rate, mcnemar]
                """.formatted(experiment, seed, subsets, samples,
                Arrays.stream(methods).map(method -> "    - " + method).collect(Collectors.joining("\n")));
    }
}
