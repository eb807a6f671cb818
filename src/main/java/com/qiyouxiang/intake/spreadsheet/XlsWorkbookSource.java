package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.qiyouxiang.warehouse.FileBudget;

/**
 * Reads a legacy .xls (BIFF8) through HSSF. Such files are capped at 65,536 rows by the format,
 * so loading one whole is bounded; formulas give their cached value.
 */
final class XlsWorkbookSource implements WorkbookSource {

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private final FileBudget budget;

    XlsWorkbookSource(Path file, FileBudget budget) throws IOException {
        this.budget = budget;
        this.fs = new POIFSFileSystem(file.toFile(), true);
        try {
            this.workbook = new HSSFWorkbook(fs.getRoot(), true);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(new SheetInfo(workbook.getSheetName(i), workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public void read(String sheetName, Consumer<RawRow> rows) throws IOException {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IOException("no sheet named " + sheetName);
        }
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            budget.row(sheetName, r + 1L);
            Row row = sheet.getRow(r);
            List<RawCell> cells = new ArrayList<>();
            if (row != null) {
                for (Cell cell : row) {
                    budget.tick();
                    budget.column(sheetName, cell.getColumnIndex());
                    RawCell raw = raw(cell, r + 1);
                    if (raw != null) {
                        budget.cell(sheetName + "!" + raw.ref(), raw.text().length());
                        cells.add(raw);
                    }
                }
            }
            rows.accept(new RawRow(r + 1, cells));
        }
    }

    private static RawCell raw(Cell cell, int rowNumber) {
        String ref = WorkbookSource.ref(cell.getColumnIndex(), rowNumber);
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                String format = cell.getCellStyle().getDataFormatString();
                boolean percent = format != null && format.contains("%");
                boolean date = !percent && DateUtil.isCellDateFormatted(cell);
                yield new RawCell(cell.getColumnIndex(), ref, RawCell.Kind.NUMBER, String.valueOf(v), v, percent, date);
            }
            case STRING -> cell.getStringCellValue().isEmpty() ? null
                    : new RawCell(cell.getColumnIndex(), ref, RawCell.Kind.TEXT, cell.getStringCellValue(), Double.NaN, false, false);
            case BOOLEAN -> new RawCell(cell.getColumnIndex(), ref, RawCell.Kind.TEXT,
                    cell.getBooleanCellValue() ? "TRUE" : "FALSE", Double.NaN, false, false);
            case ERROR -> new RawCell(cell.getColumnIndex(), ref, RawCell.Kind.ERROR,
                    FormulaError.forInt(cell.getErrorCellValue()).getString(), Double.NaN, false, false);
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        fs.close();
    }
}
