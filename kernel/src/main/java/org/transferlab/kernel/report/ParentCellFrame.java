package org.transferlab.kernel.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Frames the heat-map cells whose source is the target's parent. XChart's heat map has no per-cell marker, so this
 * annotation lays the cells out as its plot does: the plot area shrunk to {@code plotContentSize}, centred, and split
 * evenly, with the first y value at the bottom.
 */
final class ParentCellFrame extends Annotation {

    static final Color COLOUR = new Color(0x111111);
    private final boolean[][] parent;

    /** @param parent {@code parent[row][column]}, rows in XChart's y order (row 0 at the bottom) */
    ParentCellFrame(boolean[][] parent) {
        super(false);
        this.parent = parent;
    }

    @Override
    public void paint(Graphics2D g) {
        double minX = getXAxisScreenValueForMin();
        double maxX = getXAxisScreenValueForMax();
        double minY = getYAxisScreenValueForMin();
        double maxY = getYAxisScreenValueForMax();
        double content = chart.getStyler().getPlotContentSize();
        double width = (maxX - minX) * content;
        double height = (maxY - minY) * content;
        double left = minX + (maxX - minX - width) / 2;
        double top = minY + (maxY - minY - height) / 2;
        int rows = parent.length;
        int columns = rows == 0 ? 0 : parent[0].length;
        double cellWidth = width / columns;
        double cellHeight = height / rows;
        g.setColor(COLOUR);
        g.setStroke(new BasicStroke(4f));
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                if (parent[row][column]) {
                    g.draw(new Rectangle2D.Double(left + column * cellWidth + 3, top + (rows - 1 - row) * cellHeight + 3,
                            cellWidth - 6, cellHeight - 6));
                }
            }
        }
    }
}
