package com.qiyouxiang.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;

/**
 * Reads the indicator catalog laid out like the plan's own table (表 诸暨市公共服务"七优享"五年目标):
 * a title row, a header row (领域 | 序号 | 指标 | 2022年基础值 | 2023年 … 2027年 | 责任单位), the 领域
 * column merged over its rows, {@code *1}/{@code ▲7} marks in 序号, the unit in brackets after the
 * name, and a trailing {@code 注：…} row. Works for .xlsx and .xls, and for the same table saved by
 * LibreOffice or WPS (numbers instead of text, merged cells empty below their first row): columns
 * are found by their header text, the 领域 value is carried down, cells are read as displayed.
 * The catalog is small, so the usermodel API is fine here (the bureau spreadsheets are streamed).
 */
public class CatalogWorkbookReader {

    /** One row of the plan's table, as written. */
    public record Entry(int rowNumber, String sheet, String domainName, String planMark, int seqNo, boolean core,
                        boolean observation, String name, String unit, String baselineText, String baselineRef,
                        Map<Integer, String> targetTexts, Map<Integer, String> targetRefs, String bureauText,
                        String bureauRef) {
    }

    public record Result(List<Entry> entries, List<Reject> rejects, RowCounts counts) {
    }

    private static final Pattern MARKED_SEQ = Pattern.compile("([*※▲△]*)\\s*([0-9]+)(?:\\.0+)?");
    private static final Pattern NAME_UNIT = Pattern.compile("(.+?)\\s*[(（]([^()（）]+)[)）]\\s*");
    private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})\\s*年?");

    private final DataFormatter formatter = new DataFormatter();

    public Result read(Path file) throws IOException {
        Workbook opened;
        try {
            opened = WorkbookFactory.create(file.toFile(), null, true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": 无法作为 Excel 工作簿打开（应为 .xlsx 或 .xls）: " + e.getMessage(), e);
        }
        try (Workbook workbook = opened) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(i);
                int header = findHeader(sheet);
                if (header >= 0) {
                    return read(sheet, header);
                }
            }
        }
        throw new IllegalArgumentException(file.getFileName() + ": 未找到指标目录表头（应含“序号”“指标”“责任单位”及年份列）");
    }

    private int findHeader(Sheet sheet) {
        int last = Math.min(sheet.getLastRowNum(), 20);
        for (int r = sheet.getFirstRowNum(); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            boolean seq = false;
            boolean name = false;
            boolean bureau = false;
            for (Cell cell : row) {
                String t = text(cell);
                seq |= t.equals("序号");
                name |= t.equals("指标") || t.equals("指标名称");
                bureau |= t.equals("责任单位");
            }
            if (seq && name && bureau) {
                return r;
            }
        }
        return -1;
    }

    private Result read(Sheet sheet, int headerRow) {
        String sheetName = sheet.getSheetName();
        int domainCol = -1, seqCol = -1, nameCol = -1, baselineCol = -1, bureauCol = -1;
        Map<Integer, Integer> yearCols = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(headerRow)) {
            String t = text(cell);
            int c = cell.getColumnIndex();
            if (t.equals("领域")) {
                domainCol = c;
            } else if (t.equals("序号")) {
                seqCol = c;
            } else if (t.equals("指标") || t.equals("指标名称")) {
                nameCol = c;
            } else if (t.contains("基础值")) {
                baselineCol = c;
            } else if (t.equals("责任单位")) {
                bureauCol = c;
            } else {
                Matcher y = YEAR.matcher(t);
                if (y.matches()) {
                    yearCols.put(Integer.parseInt(y.group(1)), c);
                }
            }
        }
        if (domainCol < 0 || baselineCol < 0 || yearCols.isEmpty()) {
            throw new IllegalArgumentException(sheetName + "!" + (headerRow + 1) + "行: 表头缺少“领域”“基础值”或年份列");
        }

        List<Entry> entries = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        RowCounts counts = new RowCounts();
        for (int r = sheet.getFirstRowNum(); r < headerRow; r++) {
            if (sheet.getRow(r) != null) {
                counts.read();
                counts.ignored(isBlank(sheet.getRow(r)) ? "blank" : "title");
            }
        }
        counts.read();
        counts.ignored("header");

        String domain = null;
        boolean footnotes = false;
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            counts.read();
            if (isBlank(row)) {
                counts.ignored("blank");
                continue;
            }
            String first = firstText(row);
            if (footnotes || first.startsWith("注") || first.startsWith("说明")) {
                footnotes = true;
                counts.ignored("footnote");
                continue;
            }
            String d = text(row.getCell(domainCol)).replaceAll("\\s", "");
            if (!d.isEmpty()) {
                domain = d;
            }
            int excelRow = r + 1;
            String seqRef = ref(sheetName, excelRow, seqCol);
            String seqText = Normalizer.normalize(text(row.getCell(seqCol)), Normalizer.Form.NFKC).replace("\\", "");
            Matcher seq = MARKED_SEQ.matcher(seqText);
            if (!seq.matches()) {
                counts.rejected();
                rejects.add(new Reject(sheetName, (long) excelRow, seqRef, seqText, "CATALOG_BAD_SEQ",
                        "序号“" + seqText + "”无法识别：应为数字，可带 * （省定核心指标）或 ▲（观察性指标）标记，如 *1、▲7、2"));
                continue;
            }
            String nameText = text(row.getCell(nameCol));
            Matcher nu = NAME_UNIT.matcher(nameText);
            if (!nu.matches()) {
                counts.rejected();
                rejects.add(new Reject(sheetName, (long) excelRow, ref(sheetName, excelRow, nameCol), nameText,
                        "CATALOG_NO_UNIT", "指标名称“" + nameText + "”末尾缺少括号中的计量单位，如“普惠托位占比(%)”"));
                continue;
            }
            if (domain == null) {
                counts.rejected();
                rejects.add(new Reject(sheetName, (long) excelRow, ref(sheetName, excelRow, domainCol), "",
                        "CATALOG_NO_DOMAIN", "该指标上方及本行均未填写“领域”"));
                continue;
            }
            Map<Integer, String> targets = new LinkedHashMap<>();
            Map<Integer, String> refs = new LinkedHashMap<>();
            yearCols.forEach((year, col) -> {
                targets.put(year, text(row.getCell(col)));
                refs.put(year, ref(sheetName, excelRow, col));
            });
            String marks = seq.group(1);
            entries.add(new Entry(excelRow, sheetName, domain, seqText, Integer.parseInt(seq.group(2)),
                    marks.contains("*") || marks.contains("※"), marks.contains("▲") || marks.contains("△"),
                    nu.group(1).strip(), nu.group(2).strip(), text(row.getCell(baselineCol)),
                    ref(sheetName, excelRow, baselineCol), targets, refs, text(row.getCell(bureauCol)),
                    ref(sheetName, excelRow, bureauCol)));
        }
        return new Result(entries, rejects, counts);
    }

    /** A cell as displayed (so a "0.0"-formatted 4 reads "4.0"); formulas by their cached value. */
    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString());
                case STRING -> cell.getStringCellValue().strip();
                default -> "";
            };
        }
        return formatter.formatCellValue(cell).strip();
    }

    private boolean isBlank(Row row) {
        return firstText(row).isEmpty();
    }

    private String firstText(Row row) {
        for (Cell cell : row) {
            String t = text(cell);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    private static String ref(String sheet, int excelRow, int col) {
        return sheet + "!" + CellReference.convertNumToColString(col) + excelRow;
    }
}
