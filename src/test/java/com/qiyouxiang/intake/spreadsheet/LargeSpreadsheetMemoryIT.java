package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.ChildJvm;
import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.samples.BureauInboxWriter;

/**
 * Bounded memory, for real: a generated 统计局 workbook of 50,000 rows x 10 columns (POI's
 * usermodel would need several hundred MB for it) is ingested by the application itself in a
 * separate JVM limited to -Xmx128m: referenceJob, then ingestJob. Its 23 towns load, every repeated
 * row is rejected as a duplicate (150,000 records, checked and written a chunk at a time), the
 * counts reconcile, and a feedback workbook is written by streaming too.
 */
class LargeSpreadsheetMemoryIT {

    static final int ROWS = 50_000;

    @TempDir
    Path work;

    @Test
    void aLargeWorkbookLoadsUnderASmallHeap() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path file = inbox.resolve("统计局2024年末分镇街人口.xlsx");
        writeLargePopulationWorkbook(file, ROWS);

        List<String> common = List.of("--qyx.warehouse-path=" + work.resolve("w.duckdb"),
                "--qyx.metadata-path=" + work.resolve("meta"), "--qyx.archive-dir=" + work.resolve("archive"),
                "--qyx.feedback-dir=" + work.resolve("feedback"), "--qyx.log-dir=" + work.resolve("logs"));
        assertThat(runApplication("referenceJob", common)).as("0 ok, 4 ok with warnings").isIn(0, 4);
        List<String> ingest = new ArrayList<>(common);
        ingest.add("inboxDir=" + inbox);
        assertThat(runApplication("ingestJob", ingest)).as("0 ok, 4 ok with warnings").isIn(0, 4);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("w.duckdb"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT status, rows_read, rows_loaded, rows_rejected, rows_ignored,
                            (SELECT count(*) FROM etl_reject r WHERE r.file_id = f.file_id)
                     FROM etl_file f WHERE source_kind = 'spreadsheet'""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("loaded_with_rejects");
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(3) + rs.getLong(4) + rs.getLong(5));
            assertThat(rs.getLong(3)).isEqualTo(23 * 3);
            assertThat(rs.getLong(4)).isEqualTo((ROWS - 23) * 3L);
            assertThat(rs.getLong(6)).isEqualTo(rs.getLong(4));
        }
        try (var files = Files.walk(work.resolve("feedback"))) {
            assertThat(files.filter(p -> p.toString().endsWith("_退回修改.xlsx")).count()).isEqualTo(1);
        }
    }

    /** The application in its own JVM with a 128 MB heap; returns its exit code. */
    private int runApplication(String job, List<String> args) throws IOException, InterruptedException {
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-cp", classPath(), QiyouxiangApplication.class.getName(),
                "--spring.batch.job.name=" + job));
        command.addAll(args);
        Path log = work.resolve(job + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(exit != 0 ? output : output.substring(Math.max(0, output.indexOf("Run summary") - 80)));
        return exit;
    }

    /** This JVM's class path without empty entries (surefire ends it with ':', which would add the project root and its sql/ twice). */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** 统计局's template, its 23 towns repeated down the rows, 10 columns, streamed out with SXSSF. */
    static void writeLargePopulationWorkbook(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet s = wb.createSheet("人口");
            s.createRow(0).createCell(0).setCellValue("2024年末各镇街人口情况");
            Row h = s.createRow(1);
            String[] header = {"镇街", "常住人口（人）", "60岁及以上人口（人）", "0-3岁婴幼儿数（人）", "户数", "男", "女", "城镇", "乡村", "备注"};
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows; r++) {
                BureauInboxWriter.Town t = BureauInboxWriter.TOWNS.get(r % 23);
                Row row = s.createRow(r + 2);
                row.createCell(0).setCellValue(t.name());
                row.createCell(1).setCellValue(t.residents());
                row.createCell(2).setCellValue(Math.round(t.residents() * t.oldShare()));
                row.createCell(3).setCellValue(Math.round(t.residents() * 0.027));
                for (int c = 4; c < 9; c++) {
                    row.createCell(c).setCellValue(t.residents() / (c - 2) + r % 97);
                }
                row.createCell(9).setCellValue("第" + (r / 23 + 1) + "次导出");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }
}
