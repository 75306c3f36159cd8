package org.transferlab.plugins.datasets.synthetic;

/**
 * A visual domain. The same class skeletons look different in each: a model trained on one style has to adapt to
 * another, which is what pre-training on a "different dataset" means in a synthetic study.
 */
public enum Style {
    /** Solid anti-aliased strokes on black, like handwritten digits. */
    STROKE,
    /** Hollow strokes: only the edges of a thick pen are lit. */
    OUTLINE,
    /** Strokes drawn as a chain of separate dots. */
    DOTTED,
    /** Dark strokes on a light background. */
    INVERTED,
    /** Thin strokes over a grainy background. */
    NOISY
}
