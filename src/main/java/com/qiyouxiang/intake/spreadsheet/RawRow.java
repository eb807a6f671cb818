package com.qiyouxiang.intake.spreadsheet;

import java.util.List;

/**
 * One row of a sheet as stored: its 1-based row number and its non-empty cells in column order.
 * Rows missing from the file (nothing ever typed there) arrive as rows without cells.
 */
public record RawRow(int rowNumber, List<RawCell> cells) {

    public boolean isBlank() {
        return cells.stream().allMatch(RawCell::isBlankText);
    }

    public RawCell cell(int column) {
        for (RawCell c : cells) {
            if (c.column() == column) {
                return c;
            }
        }
        return null;
    }

    /** All text of the row joined, for titles, footnotes and meta rows. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (RawCell c : cells) {
            if (!c.isBlankText()) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(c.display());
            }
        }
        return b.toString();
    }
}
