package org.transferlab.plugins.datasets.idx;

import java.util.Objects;

/**
 * A two-dimensional signed int32 IDX array, such as QMNIST's extended label records (one row of 8 values per image).
 *
 * @param rows     the first dimension
 * @param columns  the second dimension
 * @param values   {@code rows * columns} values, row-major
 */
public record IdxIntMatrix(int rows, int columns, int[] values) {

    public IdxIntMatrix {
        Objects.requireNonNull(values, "values is null");
        if (rows < 0 || columns < 0 || values.length != (long) rows * columns) {
            throw new IllegalArgumentException(rows + "x" + columns + " does not match " + values.length + " values");
        }
    }

    public int get(int row, int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns);
        }
        return values[row * columns + column];
    }

    /** One column, e.g. the class labels of QMNIST's records. */
    public int[] column(int column) {
        int[] out = new int[rows];
        for (int row = 0; row < rows; row++) {
            out[row] = get(row, column);
        }
        return out;
    }
}
