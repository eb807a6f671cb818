package com.qiyouxiang.intake.spreadsheet;

/**
 * One cell as stored in the file, before any cleaning.
 *
 * @param column        0-based column index
 * @param ref           the cell reference as Excel shows it, e.g. "D7"
 * @param text          the text as typed (TEXT), the error code (ERROR, e.g. "#DIV/0!"), or the number as stored (NUMBER)
 * @param number        the stored number (NUMBER only; a formula's cached result)
 * @param percentFormat the cell is formatted as a percentage (0.63 shows as 63%)
 * @param dateFormat    the cell is formatted as a date (the number is an Excel date serial)
 */
public record RawCell(int column, String ref, Kind kind, String text, double number, boolean percentFormat,
                      boolean dateFormat) {

    public enum Kind { NUMBER, TEXT, ERROR }

    /** The cell as a person would read it: numbers without a trailing ".0". */
    public String display() {
        if (kind != Kind.NUMBER) {
            return text;
        }
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
    }

    public boolean isBlankText() {
        return kind == Kind.TEXT && text.isBlank();
    }
}
