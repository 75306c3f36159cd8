package org.transferlab.kernel.plan;

/** The stages of a study, in the order their tasks depend on each other. */
public enum TaskKind {
    PRETRAIN("pretrain"), FINETUNE("finetune"), BASELINE("baseline"), ATTACK("attack"), EVALUATE("evaluate"), COMPARE("compare");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
