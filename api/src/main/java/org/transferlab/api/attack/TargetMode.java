package org.transferlab.api.attack;

/**
 * How a targeted attack's target class is chosen for each image; {@code target: untargeted | random | least-likely} in
 * an attack's options.
 *
 * @since 1.3
 */
public enum TargetMode {

    /** Move away from the attacked label; the default. */
    UNTARGETED,

    /** A class drawn uniformly from the source's classes other than the attacked label, from the task's seed. */
    RANDOM,

    /** The class the source model finds least likely on the clean image. */
    LEAST_LIKELY
}
