package org.transferlab.plugins.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The ten class skeletons: digit-like strokes as polylines in the unit square (x right, y down). Each style renders the
 * same skeletons differently, so the classes are shared across domains while the pixels are not.
 */
final class Glyphs {

    /** Polylines of each class: {@code SKELETONS[class][stroke]} is {x0, y0, x1, y1, ...}. */
    static final double[][][] SKELETONS = {
        {ellipse(0.5, 0.5, 0.22, 0.33)},
        {{0.36, 0.28, 0.52, 0.15, 0.52, 0.86}},
        {{0.26, 0.30, 0.36, 0.17, 0.56, 0.14, 0.72, 0.25, 0.71, 0.42, 0.26, 0.85, 0.78, 0.85}},
        {{0.26, 0.19, 0.70, 0.19, 0.46, 0.47, 0.70, 0.61, 0.66, 0.80, 0.46, 0.87, 0.25, 0.79}},
        {{0.64, 0.86, 0.64, 0.14, 0.22, 0.62, 0.80, 0.62}},
        {{0.73, 0.15, 0.31, 0.15, 0.27, 0.47, 0.55, 0.42, 0.73, 0.58, 0.68, 0.80, 0.45, 0.87, 0.25, 0.79}},
        {{0.68, 0.17, 0.45, 0.20, 0.30, 0.45, 0.30, 0.74, 0.50, 0.87, 0.70, 0.75, 0.68, 0.55, 0.48, 0.50, 0.30, 0.60}},
        {{0.24, 0.15, 0.76, 0.15, 0.42, 0.87}},
        {ellipse(0.5, 0.31, 0.16, 0.16), ellipse(0.5, 0.67, 0.20, 0.19)},
        {ellipse(0.49, 0.34, 0.18, 0.18), {0.67, 0.34, 0.60, 0.87}},
    };

    static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Glyphs() {
    }

    private static double[] ellipse(double cx, double cy, double rx, double ry) {
        int points = 24;
        List<Double> coordinates = new ArrayList<>();
        for (int i = 0; i <= points; i++) {
            double angle = 2 * Math.PI * i / points;
            coordinates.add(cx + rx * StrictMath.cos(angle));
            coordinates.add(cy + ry * StrictMath.sin(angle));
        }
        return coordinates.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
