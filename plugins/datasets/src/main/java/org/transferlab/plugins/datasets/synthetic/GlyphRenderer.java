package org.transferlab.plugins.datasets.synthetic;

import java.util.SplittableRandom;
import org.transferlab.api.data.ImageSet;

/** Draws one 28×28 image of a class in a style, with a random pose drawn from the given generator. */
final class GlyphRenderer {

    private static final int SIDE = ImageSet.SIDE;

    private GlyphRenderer() {
    }

    static void render(int label, Style style, SplittableRandom random, byte[] out, int offset) {
        double[][] strokes = pose(Glyphs.SKELETONS[label], random);
        double thickness = style == Style.NOISY ? 0.9 + 0.4 * random.nextDouble() : 1.3 + 0.8 * random.nextDouble();
        double[][] dots = style == Style.DOTTED ? dotsAlong(strokes, 2.6 + random.nextDouble()) : null;
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                double x = column + 0.5;
                double y = row + 0.5;
                double value = switch (style) {
                    case STROKE -> coverage(distanceToStrokes(strokes, x, y), thickness);
                    case OUTLINE -> coverage(Math.abs(distanceToStrokes(strokes, x, y) - thickness - 0.4), 0.55);
                    case DOTTED -> coverage(distanceToPoints(dots, x, y), 1.2);
                    case INVERTED -> 0.92 - 0.85 * coverage(distanceToStrokes(strokes, x, y), thickness);
                    case NOISY -> Math.max(coverage(distanceToStrokes(strokes, x, y), thickness),
                            0.18 + 0.12 * random.nextGaussian());
                };
                out[offset + row * SIDE + column] = (byte) Math.round(255 * Math.min(1, Math.max(0, value)));
            }
        }
    }

    /** Random rotation, scale, shear and shift, so that no two images of a class are alike. */
    private static double[][] pose(double[][] skeleton, SplittableRandom random) {
        double angle = Math.toRadians(-14 + 28 * random.nextDouble());
        double scale = 16 + 5 * random.nextDouble();
        double shear = -0.2 + 0.4 * random.nextDouble();
        double shiftX = 14 + (-2 + 4 * random.nextDouble());
        double shiftY = 14 + (-2 + 4 * random.nextDouble());
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double[][] posed = new double[skeleton.length][];
        for (int s = 0; s < skeleton.length; s++) {
            double[] line = skeleton[s];
            double[] out = new double[line.length];
            for (int i = 0; i < line.length; i += 2) {
                double u = (line[i] - 0.5) * scale;
                double v = (line[i + 1] - 0.5) * scale;
                u += shear * v;
                out[i] = shiftX + cos * u - sin * v;
                out[i + 1] = shiftY + sin * u + cos * v;
            }
            posed[s] = out;
        }
        return posed;
    }

    /** 1 inside the pen, 0 outside, with a one-pixel anti-aliased edge. */
    private static double coverage(double distance, double radius) {
        return Math.min(1, Math.max(0, radius - distance + 0.5));
    }

    private static double distanceToStrokes(double[][] strokes, double x, double y) {
        double best = Double.MAX_VALUE;
        for (double[] line : strokes) {
            for (int i = 0; i + 3 < line.length; i += 2) {
                best = Math.min(best, distanceToSegment(x, y, line[i], line[i + 1], line[i + 2], line[i + 3]));
            }
        }
        return best;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }

    private static double[][] dotsAlong(double[][] strokes, double spacing) {
        java.util.List<double[]> dots = new java.util.ArrayList<>();
        for (double[] line : strokes) {
            double carried = 0;
            for (int i = 0; i + 3 < line.length; i += 2) {
                double dx = line[i + 2] - line[i];
                double dy = line[i + 3] - line[i + 1];
                double length = Math.sqrt(dx * dx + dy * dy);
                for (double along = carried; along <= length; along += spacing) {
                    dots.add(new double[] {line[i] + dx * along / length, line[i + 1] + dy * along / length});
                }
                carried = length == 0 ? carried : (spacing - ((length - carried) % spacing)) % spacing;
            }
        }
        return dots.toArray(double[][]::new);
    }

    private static double distanceToPoints(double[][] points, double x, double y) {
        double best = Double.MAX_VALUE;
        for (double[] point : points) {
            double dx = point[0] - x;
            double dy = point[1] - y;
            best = Math.min(best, dx * dx + dy * dy);
        }
        return Math.sqrt(best);
    }
}
