package com.qiyouxiang.intake.spreadsheet;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.qiyouxiang.warehouse.FiniteNumbers;

/**
 * The messy-cell rules, in order: Excel error cells (#DIV/0!) are problems; blanks and the
 * mapping's no-value tokens are no value; numbers typed as text, full-width digits and
 * punctuation, thousands separators and a unit typed after the number (4.3个, 63%, 83.6万人) are
 * read; percentage-formatted cells count in per cent; a fraction in a per-cent column (0.63) is
 * per cent when the mapping says so; the written unit is converted to the canonical one; a figure that is not
 * finite or too large ({@link FiniteNumbers}) is a problem of its cell.
 */
public final class CellCleaner {

    private static final Pattern NUMBER = Pattern.compile("^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(.*)$");

    private final Set<String> noValueTokens;
    private final boolean fractionInPercentColumn;

    public CellCleaner(Set<String> noValueTokens, boolean fractionInPercentColumn) {
        this.noValueTokens = noValueTokens;
        this.fractionInPercentColumn = fractionInPercentColumn;
    }

    /**
     * @param columnUnit the unit the column (or row) is written in: from its header, its 单位 cell, or the canonical one
     * @param canonical  the unit to convert to (null: keep the column unit)
     */
    public CellValue clean(RawCell cell, String columnUnit, String canonical) {
        CellValue value = cleaned(cell, columnUnit, canonical);
        return value instanceof CellValue.Figure f && !FiniteNumbers.ok(f.value())
                ? new CellValue.Problem(FiniteNumbers.REASON_CODE, FiniteNumbers.problemZh()) : value;
    }

    private CellValue cleaned(RawCell cell, String columnUnit, String canonical) {
        if (cell == null) {
            return new CellValue.NoValue();
        }
        String target = canonical == null ? columnUnit : canonical;
        switch (cell.kind()) {
            case ERROR:
                return new CellValue.Problem("EXCEL_ERROR", "单元格为 Excel 错误值“" + cell.text()
                        + "”（公式除以零或引用无效），请填写实际数值");
            case NUMBER:
                if (cell.dateFormat()) {
                    return new CellValue.Problem("NOT_A_NUMBER", "单元格是日期格式，不是数值，请改为常规或数值格式后填写数值");
                }
                if (cell.percentFormat()) {
                    return convert(round(cell.number() * 100), "%", target, cell.display());
                }
                return convert(fraction(cell.number(), columnUnit), columnUnit, target, cell.display());
            default:
                break;
        }
        String s = TextNormalizer.normalize(cell.text());
        if (s.isEmpty() || noValueTokens.contains(s)) {
            return new CellValue.NoValue();
        }
        Matcher m = NUMBER.matcher(s.replace('，', ','));
        if (!m.matches() || !m.group(4).matches("[^0-9.,+\\-]*")) {
            return new CellValue.Problem("NOT_A_NUMBER", "“" + cell.text() + "”不是数值，请只填写阿拉伯数字（可带单位），如 4.3；无数据请填“/”");
        }
        double v = Double.parseDouble(m.group(1) + m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
        String suffix = m.group(4);
        if (suffix.isEmpty()) {
            return convert(fraction(v, columnUnit), columnUnit, target, cell.text());
        }
        if (suffix.equals("万") || suffix.equals("亿")) {
            suffix = suffix + baseOf(columnUnit);
        }
        return convert(v, suffix, target, cell.text());
    }

    private double fraction(double v, String columnUnit) {
        boolean percentColumn = columnUnit != null && TextNormalizer.normalize(columnUnit).equals("%");
        return fractionInPercentColumn && percentColumn && v > 0 && v < 1 ? round(v * 100) : v;
    }

    private static String baseOf(String unit) {
        String u = TextNormalizer.normalize(unit);
        return u.startsWith("万") || u.startsWith("亿") ? u.substring(1) : u;
    }

    private static CellValue convert(double v, String written, String canonical, String raw) {
        Double factor = Units.factor(written, canonical);
        if (factor == null) {
            return new CellValue.Problem("UNIT_MISMATCH", "“" + raw + "”的单位“" + written + "”与指标计量单位“" + canonical
                    + "”不符，请按“" + canonical + "”填写");
        }
        return new CellValue.Figure(factor == 1.0 ? v : round(v * factor));
    }

    /** Removes binary noise from unit conversion (0.63 * 100 = 63.00000000000001). */
    static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", v));
    }
}
