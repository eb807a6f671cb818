package com.qiyouxiang.intake.spreadsheet;

import java.sql.SQLException;

/**
 * The town-columns layout: each data row one 镇街 (or the 合计/全市 row of option {@code total-row-labels}, the city), one
 * or more figures per row. A plain figure is its column, in its unit, times its scale, with the 本季 cell of its
 * {@code quarter-column} beside it; a rate is numerator / denominator x scale, loaded only from two good cells: a bad
 * part that is a figure of its own is rejected once, by that figure, and the rate counted as ignored.
 */
final class TownRowReader {

    private final RowContext context;
    private final HeaderResolver.Columns columns;

    TownRowReader(RowContext context, HeaderResolver.Columns columns) {
        this.context = context;
        this.columns = columns;
    }

    void read(RawRow row) throws SQLException {
        FileLoad load = context.load();
        String sheet = context.sheet();
        CellCleaner cleaner = context.cleaner();
        RawCell labelCell = row.cell(columns.label());
        String label = labelCell == null ? "" : TextNormalizer.normalize(labelCell.display());
        String town;
        boolean total = context.mapping().options().totalRowLabels().contains(label);
        if (total) {
            town = ReferenceData.CITY;
        } else if (label.isEmpty()) {
            RawCell any = row.cells().get(0);
            load.reject(sheet, row.rowNumber(), WorkbookSource.ref(columns.label(), row.rowNumber()), any.display(),
                    "MISSING_TOWN", "该行有数据但未填写镇街名称，请补填镇街名称（如“暨阳街道”）或删除该行");
            return;
        } else {
            town = context.reference().town(label);
            if (town == null) {
                load.reject(sheet, row.rowNumber(), labelCell.ref(), labelCell.display(), "UNKNOWN_TOWN",
                        "无法识别镇街名称“" + labelCell.display() + "”，请使用标准名称，如“暨阳街道”或“暨阳”");
                return;
            }
        }
        for (HeaderResolver.FigureColumns f : columns.figures()) {
            ReferenceData.Indicator indicator = f.indicator();
            if (!f.figure().isRatio()) {
                RawCell cell = row.cell(f.column());
                CellValue v = cleaner.clean(cell, f.columnUnit(), indicator.unit());
                Double quarterValue = null;
                if (f.quarter() >= 0 && v instanceof CellValue.Figure) {
                    // the 本季 cell belongs to the cumulative figure, as a denominator to its rate
                    RawCell q = row.cell(f.quarter());
                    CellValue qv = cleaner.clean(q, f.quarterUnit(), indicator.unit());
                    if (qv instanceof CellValue.Problem p) {
                        load.reject(sheet, row.rowNumber(), q.ref(), q.display(), p.reasonCode(), p.messageZh());
                        continue;
                    }
                    quarterValue = qv instanceof CellValue.Figure qf ? qf.value() : null;
                }
                if (f.figure().scale() != 1 && v instanceof CellValue.Figure scaled) {
                    v = new CellValue.Figure(CellCleaner.round(scaled.value() * f.figure().scale()));
                }
                context.figure(indicator, f.figure().period(), town, total, v, null, null, row.rowNumber(),
                        cell != null ? cell.ref() : WorkbookSource.ref(f.column(), row.rowNumber()),
                        cell == null ? "" : cell.display(), null, quarterValue);
                continue;
            }
            RawCell numCell = row.cell(f.numerator());
            RawCell denCell = row.cell(f.denominator());
            String numRef = WorkbookSource.ref(f.numerator(), row.rowNumber());
            String denRef = WorkbookSource.ref(f.denominator(), row.rowNumber());
            CellValue num = cleaner.clean(numCell, f.numeratorUnit(), f.numeratorTarget());
            CellValue den = cleaner.clean(denCell, f.denominatorUnit(), f.denominatorTarget());
            String raw = (numCell == null ? "" : numCell.display()) + " / " + (denCell == null ? "" : denCell.display());
            if (num instanceof CellValue.Problem p) {
                rateProblem(f.numeratorOwn(), row, numRef, numCell, p);
            } else if (den instanceof CellValue.Problem p) {
                rateProblem(f.denominatorOwn(), row, denRef, denCell, p);
            } else if (num instanceof CellValue.NoValue) {
                load.ignored(sheet, row.rowNumber(), "no_value"); // the numerator carries the figure; a denominator alone is no figure
            } else if (den instanceof CellValue.NoValue) {
                load.reject(sheet, row.rowNumber(), denRef, "", "MISSING_DENOMINATOR", "已填写“" + f.figure().numerator()
                        + "”但缺少“" + f.figure().denominator() + "”，请补填");
            } else {
                double n = ((CellValue.Figure) num).value();
                double d = ((CellValue.Figure) den).value();
                if (d == 0) {
                    load.reject(sheet, row.rowNumber(), denRef, denCell.display(), "ZERO_DENOMINATOR",
                            "“" + f.figure().denominator() + "”为 0，无法计算比率，请核实后填写");
                    continue;
                }
                context.figure(indicator, f.figure().period(), town, total,
                        new CellValue.Figure(CellCleaner.round(n / d * f.figure().scale())), n, d, row.rowNumber(), numRef, raw,
                        null, null);
            }
        }
    }

    /**
     * A rate's bad part: rejected here, or, when the part is a figure of its own that has rejected the cell already,
     * the rate counted as ignored (one cell, one reject; the other part loads on its own).
     */
    private void rateProblem(boolean own, RawRow row, String ref, RawCell cell, CellValue.Problem p) throws SQLException {
        if (own) {
            context.load().ignored(context.sheet(), row.rowNumber(), "rate_part_rejected");
        } else {
            context.load().reject(context.sheet(), row.rowNumber(), ref, cell.display(), p.reasonCode(), p.messageZh());
        }
    }
}
