package org.transferlab.kernel.report;

/** Short names for figures, where task ids would crowd the axes: the stage prefix is dropped. */
final class ModelLabel {

    private ModelLabel() {
    }

    /** {@code pretrain/alexnet@outline} → {@code alexnet@outline}; {@code finetune/a@b>c-n600-first8} → {@code a@b>c-n600-first8}. */
    static String of(String taskId) {
        if (taskId == null) {
            return "";
        }
        int slash = taskId.indexOf('/');
        return slash < 0 ? taskId : taskId.substring(slash + 1);
    }

    /** A file name for a figure about {@code parts}: letters, digits, dots and dashes only. */
    static String fileName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (name.length() > 0) {
                name.append("--");
            }
            name.append(part.replace(">", "-to-").replace("@", "-at-").replaceAll("[^A-Za-z0-9.-]+", "-"));
        }
        return name.toString();
    }
}
