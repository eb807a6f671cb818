package com.qiyouxiang.validation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.FileBudget;

/**
 * Reads an explanation file (情况说明): a CSV (UTF-8 with or without BOM, or GB18030 as Excel
 * saves CSV on Chinese Windows) or a workbook (.xlsx/.xls, first sheet). The header row names the
 * columns 规则编号 (optional), 指标, 镇街, 期别, 情况说明 and 填报人 (optional), in any order, other columns
 * being ignored; rows above it are a title. In a workbook the sheet read is the first one with such a
 * header row anywhere in it, else the first sheet: so a feedback workbook sent back with its form filled in is an
 * explanation file as it is, the form being the section 四、情况说明 of its 反馈说明 sheet, or (written before the
 * form moved there) a 情况说明 sheet of its own. A form that is a section of a sheet (its header right under a
 * section title such as 四、情况说明…) ends at its first blank row or the next section title; a file that is only
 * a form is read to its end. Every row comes back with its place so the caller can reject or load it.
 */
final class ExplanationFileReader {

    static final String RULE = "规则编号";
    static final String INDICATOR = "指标";
    static final String TOWN = "镇街";
    static final String PERIOD = "期别";
    static final String TEXT = "情况说明";
    static final String REPORTER = "填报人";
    static final List<String> REQUIRED = List.of(INDICATOR, TOWN, PERIOD, TEXT);
    /** A section title of a feedback workbook's 反馈说明: 一、强制性…, 四、情况说明…, 五、数据清单… */
    private static final java.util.regex.Pattern SECTION = java.util.regex.Pattern.compile("^[一二三四五六七八九十]+、");

    /**
     * @param kind     header / title / blank / data / after_form (below the end of a form that is a section of its sheet)
     * @param location 'line 3' or 'Sheet1!E3' (the 情况说明 cell)
     * @param fields   by header name, trimmed ('' when empty)
     */
    record Line(String kind, String sheet, long rowNumber, String location, Map<String, String> fields) {
    }

    private ExplanationFileReader() {
    }

    static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls");
    }

    /** Reads the file within its budget (size on disk, rows, columns, characters per cell, time). */
    static List<Line> read(Path file, FileBudget budget) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        budget.size(Files.size(file), budget.limits().maxBytes().toBytes());
        FaultInjection.whileReading(file.getFileName().toString());
        return name.endsWith(".csv") ? readCsv(file, budget) : readWorkbook(file, budget);
    }

    private static List<Line> readCsv(Path file, FileBudget budget) throws IOException {
        String text = decode(Files.readAllBytes(file));
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            List<String> cells = r.stream().map(String::strip).toList();
            long line = r.getRecordNumber();
            budget.row("CSV", line);
            budget.column("CSV", cells.size() - 1);
            for (String cell : cells) {
                budget.cell("第 " + line + " 行", cell.length());
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                lines.add(new Line("blank", null, line, "line " + line, Map.of()));
            } else if (header == null && isHeader(cells)) {
                header = cells;
                lines.add(new Line("header", null, line, "line " + line, Map.of()));
            } else if (header == null) {
                lines.add(new Line("title", null, line, "line " + line, Map.of()));
            } else {
                lines.add(new Line("data", null, line, "line " + line, fields(header, cells)));
            }
        }
        return lines;
    }

    private static List<Line> readWorkbook(Path file, FileBudget budget) throws IOException {
        List<Line> lines = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        // from the file, read-only: POI's zip guards apply part by part, the package is not copied into memory
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = explanationSheet(workbook, formatter, budget);
            List<String> header = null;
            int textColumn = -1;
            String above = "";         // the first cell of the last non-blank row above the header
            boolean section = false;   // the form is a section of its sheet: it ends at a blank row or the next section
            boolean ended = false;
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                budget.row(sheet.getSheetName(), i + 1L);
                List<String> cells = cells(sheet, i, formatter, budget);
                long rowNumber = i + 1;
                String where = sheet.getSheetName() + "!" + (textColumn < 0 ? "A" : CellReference.convertNumToColString(textColumn)) + rowNumber;
                boolean blank = cells.stream().allMatch(String::isEmpty);
                if (ended || header != null && section && !blank && SECTION.matcher(cells.get(0)).find()) {
                    ended = true;
                    lines.add(new Line(blank ? "blank" : "after_form", sheet.getSheetName(), rowNumber, where, Map.of()));
                } else if (blank) {
                    ended = header != null && section;
                    lines.add(new Line("blank", sheet.getSheetName(), rowNumber, where, Map.of()));
                } else if (header == null && isHeader(cells)) {
                    header = cells;
                    textColumn = cells.indexOf(TEXT);
                    section = SECTION.matcher(above).find();
                    lines.add(new Line("header", sheet.getSheetName(), rowNumber, where, Map.of()));
                } else if (header == null) {
                    above = cells.get(0);
                    lines.add(new Line("title", sheet.getSheetName(), rowNumber, where, Map.of()));
                } else {
                    lines.add(new Line("data", sheet.getSheetName(), rowNumber, where, fields(header, cells)));
                }
            }
        }
        return lines;
    }

    /** The cells of a row as text (empty when the row is absent), each within the budget. */
    private static List<String> cells(Sheet sheet, int i, DataFormatter formatter, FileBudget budget) {
        Row row = sheet.getRow(i);
        List<String> cells = new ArrayList<>();
        if (row != null) {
            budget.column(sheet.getSheetName(), Math.max(0, row.getLastCellNum() - 1));
            for (int col = 0; col < Math.max(0, row.getLastCellNum()); col++) {
                budget.tick();
                Cell cell = row.getCell(col);
                String text = cell == null ? "" : formatter.formatCellValue(cell).strip();
                budget.cell(sheet.getSheetName() + "!" + CellReference.convertNumToColString(col) + (i + 1), text.length());
                cells.add(text);
            }
        }
        return cells;
    }

    /** The first sheet with a header row anywhere in it, else the first sheet. */
    private static Sheet explanationSheet(Workbook workbook, DataFormatter formatter, FileBudget budget) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            Sheet sheet = workbook.getSheetAt(i);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                budget.row(sheet.getSheetName(), r + 1L);
                if (sheet.getRow(r) != null && isHeader(cells(sheet, r, formatter, budget))) {
                    return sheet;
                }
            }
        }
        return workbook.getSheetAt(0);
    }

    private static boolean isHeader(List<String> cells) {
        return cells.containsAll(REQUIRED);
    }

    private static Map<String, String> fields(List<String> header, List<String> cells) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), i < cells.size() ? cells.get(i) : "");
        }
        return fields;
    }

    /** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
