package com.qiyouxiang.intake.spreadsheet;

import java.sql.SQLException;

import com.qiyouxiang.warehouse.Observation;

/**
 * What the row readers of a sheet ({@link TownRowReader}, {@link IndicatorRowReader}) share: the mapping, the
 * reference names, the sheet, the load its records go to, the file's facts (its period) and the cell cleaner; and the
 * one place a cleaned figure becomes a candidate, a reject or no value, with its period decided.
 */
record RowContext(SourceMapping mapping, ReferenceData reference, String sheet, FileLoad load, FileFacts facts,
                  CellCleaner cleaner) {

    RowContext(SourceMapping mapping, ReferenceData reference, String sheet, FileLoad load, FileFacts facts) {
        this(mapping, reference, sheet, load, facts,
                new CellCleaner(mapping.options().noValueTokens(), mapping.options().fractionInPercentColumn()));
    }

    /** One figure of the file: its period by the indicator's frequency, then a candidate, a reject or no value. */
    void figure(ReferenceData.Indicator indicator, SourceMapping.FigurePeriod own, String town, boolean cityTotal,
                CellValue v, Double numerator, Double denominator, long row, String ref, String raw, String remark,
                Double quarterValue) throws SQLException {
        if (v instanceof CellValue.NoValue) {
            load.ignored(sheet, row, "no_value");
        } else if (v instanceof CellValue.Problem p) {
            load.reject(sheet, row, ref, raw, p.reasonCode(), p.messageZh());
        } else {
            CellValue.Figure f = (CellValue.Figure) v;
            String period = period(indicator, own);
            if (period == null) {
                load.reject(sheet, row, ref, raw, "PERIOD_NOT_EXPECTED", "年度指标“" + indicator.name() + "”只在"
                        + (mapping.options().annualInQuarter() == 1 ? "次年第一季度" : "第四季度") + "报表中填报，本期请填“/”");
                return;
            }
            load.candidate(new Observation(indicator.code(), town, period, f.value(), numerator, denominator, "A"),
                    sheet, row, ref, raw, remark, cityTotal, quarterValue);
        }
    }

    /** The period a figure belongs to: the file's, or for an annual indicator its year (null when not due in this file). */
    String period(ReferenceData.Indicator indicator, SourceMapping.FigurePeriod own) {
        String p = facts.period;
        if (own != SourceMapping.FigurePeriod.FILE) {
            int year = PeriodParser.isQuarter(p) ? PeriodParser.year(p) : Integer.parseInt(p.substring(0, 4));
            return String.valueOf(own == SourceMapping.FigurePeriod.YEAR ? year : year - 1);
        }
        if (!PeriodParser.isQuarter(p)) {
            return indicator.annual() ? p : p + "Q4";
        }
        if (!indicator.annual()) {
            return p;
        }
        int q = PeriodParser.quarter(p);
        if (q != mapping.options().annualInQuarter()) {
            return null;
        }
        return String.valueOf(q == 1 ? PeriodParser.year(p) - 1 : PeriodParser.year(p));
    }
}
