package com.qiyouxiang.intake.spreadsheet;

/** A cell after cleaning: a figure in the wanted unit, no value at all, or a problem to reject. */
public sealed interface CellValue {

    record Figure(double value) implements CellValue {
    }

    /** Blank or a no-value token (/, —, 无, 暂无, ...). */
    record NoValue() implements CellValue {
    }

    /** @param messageZh what is wrong and what is expected, for the bureau */
    record Problem(String reasonCode, String messageZh) implements CellValue {
    }
}
