package com.qiyouxiang.intake.spreadsheet;

import java.sql.SQLException;

/**
 * The indicator-rows layout (指标名称 | 单位 | 年度目标 | 本期值 | 备注): each data row one city-level figure. The
 * indicator is found by the names the mapping lists for it ({@code indicators:}) or the catalog's name; the unit is the
 * unit column's, else the one in brackets after the name, else the indicator's; the remark column is the 情况说明.
 */
final class IndicatorRowReader {

    private final RowContext context;
    private final HeaderResolver.Columns columns;

    IndicatorRowReader(RowContext context, HeaderResolver.Columns columns) {
        this.context = context;
        this.columns = columns;
    }

    void read(RawRow row) throws SQLException {
        FileLoad load = context.load();
        String sheet = context.sheet();
        RawCell nameCell = row.cell(columns.label());
        if (nameCell == null || nameCell.isBlankText()) {
            RawCell any = row.cells().get(0);
            load.reject(sheet, row.rowNumber(), any.ref(), any.display(), "MISSING_INDICATOR",
                    "该行缺少指标名称，请填写指标名称或删除该行");
            return;
        }
        String code = indicatorCode(nameCell.display());
        if (code == null) {
            load.reject(sheet, row.rowNumber(), nameCell.ref(), nameCell.display(), "UNKNOWN_INDICATOR",
                    "指标“" + nameCell.display() + "”不在模板“" + context.mapping().id() + "”的指标清单中，请使用模板中的指标名称");
            return;
        }
        ReferenceData.Indicator indicator = context.reference().indicator(code);
        RawCell unitCell = columns.unit() >= 0 ? row.cell(columns.unit()) : null;
        String unit = unitCell != null && !unitCell.isBlankText() ? TextNormalizer.normalize(unitCell.display())
                : firstNonNull(TextNormalizer.bracketUnit(nameCell.display()), indicator.unit());
        RawCell valueCell = row.cell(columns.value());
        String valueRef = valueCell != null ? valueCell.ref() : WorkbookSource.ref(columns.value(), row.rowNumber());
        RawCell remarkCell = columns.remark() >= 0 ? row.cell(columns.remark()) : null;
        String remark = remarkCell == null ? null : remarkCell.display();
        CellValue v = context.cleaner().clean(valueCell, unit, indicator.unit());
        context.figure(indicator, SourceMapping.FigurePeriod.FILE, ReferenceData.CITY, true, v, null, null, row.rowNumber(),
                valueRef, valueCell == null ? "" : valueCell.display(), remark, null);
    }

    /** The indicator code for a written name: one of the mapping's names for it, or the catalog's name; null when neither. */
    String indicatorCode(String written) {
        String label = TextNormalizer.label(written);
        for (var e : context.mapping().indicators().entrySet()) {
            if (e.getValue().contains(label)) {
                return e.getKey();
            }
        }
        for (String code : context.mapping().indicators().keySet()) {
            ReferenceData.Indicator i = context.reference().indicator(code);
            if (i != null && TextNormalizer.label(i.name()).equals(label)) {
                return code;
            }
        }
        return null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
