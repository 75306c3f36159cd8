package org.transferlab.kernel.stats;

/**
 * Which other sources a parent is compared with in one verdict. The study's question is whether pre-training data
 * matters: a source of the parent's own architecture pre-trained on other data answers it; a source of another
 * architecture mostly measures the mismatch of architectures, so its comparisons form a family of their own, with their
 * own Holm correction, reported separately.
 */
public enum ComparisonFamily {
    SAME_ARCHITECTURE, CROSS_ARCHITECTURE;

    /** {@code same-architecture} or {@code cross-architecture}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ComparisonFamily of(String parentModelPlugin, String otherModelPlugin) {
        return parentModelPlugin.equals(otherModelPlugin) ? SAME_ARCHITECTURE : CROSS_ARCHITECTURE;
    }

    public static ComparisonFamily fromLabel(String label) {
        for (ComparisonFamily family : values()) {
            if (family.label().equals(label)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown comparison family '" + label + "'");
    }
}
