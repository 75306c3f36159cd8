package org.transferlab.dist;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The small study the distribution tests run: alexnets pre-trained on two synthetic domains (outline, inverted), the
 * first fine-tuned on a third (digits, 300 images, first 8 tensors frozen), one epoch each, attacked on 200 digits
 * test images, with {@code mcnemar} comparing the parent against the other source.
 */
final class TwoSourceStudy {

    private TwoSourceStudy() {
    }

    /** The experiment file, with {@code methods} as the entries of {@code attack.methods}. */
    static String yaml(String experiment, String... methods) {
        return """
                experiment: %s
                seed: 11
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
                  - { from: { models: [alexnet], datasets: [outline] }, dataset: digits, subset: [300], freeze: { first: 8 }, recipe: quick }
                attack:
                  data: { dataset: digits, split: test, samples: 200 }
                  methods:
                %s
                metrics: [accuracy, transfer-rate, mcnemar]
                """.formatted(experiment, Arrays.stream(methods).map(method -> "    - " + method)
                .collect(Collectors.joining("\n")));
    }
}
