package org.transferlab.kernel.plan;

import java.util.List;

/**
 * The verdict for one fine-tuned target and one attack setting: the target evaluated on its parent's adversarial
 * examples against the same target on every other source's, image by image.
 *
 * @param attack          the attack setting's label, e.g. {@code fgsm-eps0.1}
 * @param parentEvaluation the evaluation of the target on its parent's examples
 * @param otherEvaluations the evaluations on the other sources' examples, in planning order
 */
public record CompareTask(String id, String targetId, String attack, String parentEvaluation,
        List<String> otherEvaluations, int repeat, String cacheKey) implements Task {

    public CompareTask {
        otherEvaluations = List.copyOf(otherEvaluations);
    }

    @Override
    public TaskKind kind() {
        return TaskKind.COMPARE;
    }

    @Override
    public List<String> dependencies() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(parentEvaluation), otherEvaluations.stream())
                .toList();
    }
}
