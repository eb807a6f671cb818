package com.qiyouxiang.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import com.qiyouxiang.intake.spreadsheet.CellCleaner;
import com.qiyouxiang.intake.spreadsheet.CellValue;
import com.qiyouxiang.intake.spreadsheet.RawCell;
import com.qiyouxiang.intake.spreadsheet.WorkbookSource;

/**
 * The spreadsheet ingest's speed against a bare POI SAX read, in one run: generates a 200,000-row
 * x 10-column xlsx with SXSSF, then times (best of 3, after a warm-up)
 * <ol>
 * <li>bare POI SAX: XSSFReader + ReadOnlySharedStringsTable + XSSFSheetXMLHandler, no-op handler;</li>
 * <li>the project's read: the ingest's streaming reader (zip-bomb guard on) and its messy-cell rules
 * (CellCleaner) on every cell;</li>
 * <li>the project's read + stage: the same, every figure appended to a DuckDB table with the Appender,
 * as the ingest stages figures (the per-figure history checks of ValueRules are not included: they
 * scale with figures per town and period, not with rows).</li>
 * </ol>
 * and prints the ratios (goal: at most 1.5x). Usage: {@code SpreadsheetBenchmark [rows] [folder]}.
 */
public final class SpreadsheetBenchmark {

    private SpreadsheetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("qyx-bench-");
        Path file = dir.resolve("benchmark-" + rows + "x10.xlsx");
        long t0 = System.nanoTime();
        generate(file, rows);
        System.out.printf(Locale.ROOT, "generated %s (%,d rows x 10 columns, %.1f MB) in %.1f s%n", file, rows,
                Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);

        bareSax(file);
        projectRead(file, false);
        projectRead(file, true);
        double bare = best(() -> bareSax(file));
        double read = best(() -> projectRead(file, false));
        double stage = best(() -> projectRead(file, true));
        System.out.printf(Locale.ROOT, "bare POI SAX read                  %6.2f s%n", bare);
        System.out.printf(Locale.ROOT, "project read + cell rules          %6.2f s   ratio %.2fx%n", read, read / bare);
        System.out.printf(Locale.ROOT, "project read + rules + Appender    %6.2f s   ratio %.2fx  (goal <= 1.5x)%n", stage, stage / bare);
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    interface Run {
        long run() throws Exception;
    }

    private static double best(Run run) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    static void generate(Path file, int rows) throws IOException {
        String[] towns = {"暨阳街道", "浣东街道", "陶朱街道", "暨南街道", "大唐街道", "店口镇", "枫桥镇", "牌头镇"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            Sheet s = wb.createSheet("data");
            Row h = s.createRow(0);
            for (int c = 0; c < 10; c++) {
                h.createCell(c).setCellValue(c == 0 ? "镇街" : "指标" + c);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(towns[r % towns.length]);
                for (int c = 1; c < 10; c++) {
                    row.createCell(c).setCellValue((r * 31L + c * 7L) % 100_000 / 10.0);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** The baseline: POI's own SAX sheet handler with a handler that does nothing. */
    static long bareSax(Path file) throws Exception {
        long[] cells = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    cells[0]++;
                                }
                            }, new DataFormatter(), false));
                    xml.parse(new InputSource(in));
                }
            }
        }
        return cells[0];
    }

    /** The ingest's reader and cell rules on every cell; with {@code stage}, every figure appended to DuckDB. */
    static long projectRead(Path file, boolean stage) throws Exception {
        CellCleaner cleaner = new CellCleaner(Set.of("/", "-", "—", "无", "暂无"), true);
        long[] figures = {0};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             WorkbookSource source = WorkbookSource.open(file)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE stg (row_number INTEGER, col INTEGER, value DOUBLE)");
            }
            DuckDBAppender appender = stage ? c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg") : null;
            source.read(source.sheets().get(0).name(), row -> {
                for (RawCell cell : row.cells()) {
                    CellValue v = cleaner.clean(cell, "个", "个");
                    if (v instanceof CellValue.Figure f) {
                        figures[0]++;
                        if (appender != null) {
                            try {
                                appender.beginRow().append(row.rowNumber()).append(cell.column()).append(f.value()).endRow();
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            });
            if (appender != null) {
                appender.close();
            }
        }
        return figures[0];
    }
}
