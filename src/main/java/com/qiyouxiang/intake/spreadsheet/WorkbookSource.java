package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.poifs.filesystem.FileMagic;

import com.qiyouxiang.warehouse.FileBudget;

/**
 * A workbook opened for reading, sheet by sheet, row by row: .xlsx/.xlsm streamed with POI's SAX
 * reader ({@link XlsxWorkbookSource}), legacy .xls through HSSF ({@link XlsWorkbookSource}). The
 * format is told by the file's first bytes, not its extension. Every row, column and cell is counted against
 * the file's {@link FileBudget} as it is read.
 */
public interface WorkbookSource extends AutoCloseable {

    /** A sheet in workbook order; hidden covers Excel's hidden and very hidden. */
    record SheetInfo(String name, boolean hidden) {
    }

    List<SheetInfo> sheets();

    /** Streams the sheet's rows 1..last in order (rows missing from the file arrive empty). */
    void read(String sheetName, Consumer<RawRow> rows) throws IOException;

    @Override
    void close() throws IOException;

    /** Thrown for a file that is not an Excel workbook at all. */
    class NotAWorkbookException extends IOException {
        public NotAWorkbookException(String message) {
            super(message);
        }
    }

    /** Opens a workbook under the default limits (the feedback writer, tools). */
    static WorkbookSource open(Path file) throws IOException {
        return open(file, FileBudget.unlimited(file.getFileName().toString()));
    }

    /** Opens a workbook whose rows, columns and cells are read within {@code budget}. */
    static WorkbookSource open(Path file, FileBudget budget) throws IOException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> new XlsxWorkbookSource(file, budget);
            case OLE2 -> new XlsWorkbookSource(file, budget);
            default -> throw new NotAWorkbookException("not an Excel workbook (file type " + magic + ")");
        };
    }

    /** "D7" for column 3 (0-based), row 7 (1-based). */
    static String ref(int column, int rowNumber) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(rowNumber).toString();
    }
}
