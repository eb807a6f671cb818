package com.qiyouxiang.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small hand-filled-looking sheet, cell by cell, for the sample inbox: numbers, text (as people
 * type it), formulas with their cached result, Excel error cells, percentage- and date-formatted
 * numbers, merged ranges, and optionally a hidden sheet beside it. Written as .xlsx or .xls.
 */
public final class SheetBuilder {

    /** A formula with the value Excel would have cached. */
    public record Formula(String formula, double cached) {
    }

    /** An Excel error cell such as #DIV/0!. */
    public record Error(FormulaError error) {
    }

    /** A number shown as a percentage (0.63 shows as 63.0%). */
    public record Percent(double fraction) {
    }

    /** A date serial shown as a date. */
    public record Date(double serial) {
    }

    private final String sheetName;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private final List<String[]> hiddenSheets = new ArrayList<>();

    public SheetBuilder(String sheetName) {
        this.sheetName = sheetName;
    }

    /** Appends a row (null = empty cell) and returns its 0-based index. */
    public int row(Object... cells) {
        rows.add(new ArrayList<>(List.of(nullSafe(cells))));
        return rows.size() - 1;
    }

    public void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
    }

    /** A hidden sheet with a few scratch cells (people keep their working there). */
    public void hiddenSheet(String name, String... cells) {
        String[] s = new String[cells.length + 1];
        s[0] = name;
        System.arraycopy(cells, 0, s, 1, cells.length);
        hiddenSheets.add(s);
    }

    public int size() {
        return rows.size();
    }

    public void write(Path file) throws IOException {
        boolean xls = file.getFileName().toString().endsWith(".xls");
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            for (int r = 0; r < rows.size(); r++) {
                List<Object> cells = rows.get(r);
                if (cells.stream().allMatch(o -> o == NONE)) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == NONE) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Formula f) {
                        cell.setCellFormula(f.formula());
                        cell.setCellValue(f.cached());
                    } else if (v instanceof Error e) {
                        cell.setCellErrorValue(e.error().getCode());
                    } else if (v instanceof Percent p) {
                        cell.setCellValue(p.fraction());
                        cell.setCellStyle(percent);
                    } else if (v instanceof Date d) {
                        cell.setCellValue(d.serial());
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            merges.forEach(sheet::addMergedRegion);
            sheet.setColumnWidth(0, 16 * 256);
            for (String[] h : hiddenSheets) {
                Sheet hidden = wb.createSheet(h[0]);
                for (int i = 1; i < h.length; i++) {
                    hidden.createRow(i - 1).createCell(0).setCellValue(h[i]);
                }
                wb.setSheetHidden(wb.getSheetIndex(hidden), true);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            writeReproducibly(wb, file);
        }
    }

    private static final Object NONE = new Object();

    private static Object[] nullSafe(Object[] cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] == null ? NONE : cells[i];
        }
        return out;
    }

    private static final java.time.Instant FIXED_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Writes a sample workbook so that regenerating it changes no byte: a fixed creation time in the
     * document properties and, for .xlsx, fixed times on the zip entries (POI stamps them with now).
     */
    static void writeReproducibly(Workbook wb, Path file) throws IOException {
        if (!(wb instanceof XSSFWorkbook x)) {
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return;
        }
        x.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(FIXED_TIME)));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        wb.write(bytes);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(FIXED_TIME.toEpochMilli());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
