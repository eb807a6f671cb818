package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Restart after any crash: the nightly run is killed with kill -9 at several points, mid-transaction
 * (held there by {@link FaultInjection}), relaunched, and its warehouse compared table by table with
 * one from a run that was never interrupted.
 */
class CrashRestartTest {

    static Path root;
    static TreeMap<String, List<String>> uninterrupted;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        root = Files.createTempDirectory("qyx-crash-");
        Path work = root.resolve("reference-run");
        Forked first = run(work, null);
        assertThat(first.exitCode).as(first.output).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        uninterrupted = snapshot(work);
        assertThat(uninterrupted).containsKeys("dim_indicator", "fct_indicator_target", "etl_file");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "loadIndicatorCatalog",                                  // reference data
            "file:市卫健局2024年1-6月分镇街托育数据（修改版）.xlsx",      // during a spreadsheet (a revision)
            "file:平台_养老护理员持证名单_2023Q1-2026Q3.csv",            // during a record-level CSV export
            "refreshQuarters",                                       // during the marts
            "publishMarts"})                                         // during publishing
    void killedAtAnyPointTheRelaunchedRunEndsWithTheSameWarehouse(String point) throws Exception {
        Path work = root.resolve("killed-in-" + point);
        Forked killed = run(work, point);
        assertThat(killed.held).as("the run reached " + point).isTrue();
        assertThat(killed.exitCode).isNotZero();

        Forked resumed = run(work, null);
        assertThat(resumed.exitCode).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(resumed.output).contains("was left STARTED by a process that died").contains("Restarting nightlyJob");
        TreeMap<String, List<String>> after = snapshot(work);
        assertThat(after.keySet()).isEqualTo(uninterrupted.keySet());
        for (String table : uninterrupted.keySet()) {
            List<String> onlyUninterrupted = new ArrayList<>(uninterrupted.get(table));
            onlyUninterrupted.removeAll(after.get(table));
            List<String> onlyResumed = new ArrayList<>(after.get(table));
            onlyResumed.removeAll(uninterrupted.get(table));
            assertThat(after.get(table)).as("table " + table + ": only in the uninterrupted run "
                    + onlyUninterrupted.stream().limit(3).toList() + ", only in the resumed run "
                    + onlyResumed.stream().limit(3).toList()).isEqualTo(uninterrupted.get(table));
        }
    }

    record Forked(int exitCode, boolean held, String output) {
    }

    /** Runs nightlyJob in a child JVM on its own warehouse; with a hold point, kills it -9 there. */
    static Forked run(Path work, String holdAt) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (holdAt != null) {
            command.add("-D" + FaultInjection.PROPERTY + "=" + holdAt);
        }
        command.addAll(List.of(QiyouxiangApplication.class.getName(), "--spring.batch.job.name=nightlyJob",
                "--qyx.warehouse-path=" + work.resolve("w.duckdb"), "--qyx.metadata-path=" + work.resolve("meta"),
                "--qyx.log-dir=" + work.resolve("logs"), "--qyx.output-dir=" + work.resolve("out"),
                "--qyx.archive-dir=" + work.resolve("archive"), "--qyx.feedback-dir=" + work.resolve("out/feedback")));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        boolean held = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (holdAt != null && line.equals("QYX-FAULT-HOLD " + holdAt)) {
                    held = true;
                    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no clean close
                    break;
                }
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Forked(p.exitValue(), held, output.toString());
    }

    /** Every table's rows, sorted, without what legitimately differs between runs (times, surrogate ids, run ids, paths). */
    static TreeMap<String, List<String>> snapshot(Path work) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("w.duckdb"), readOnly);
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            String column = m.getColumnName(i);
                            if (volatileColumn(column)) {
                                continue;
                            }
                            Object o = rs.getObject(i);
                            // DuckDB sums doubles in parallel, in no fixed order: compare to 9 significant digits,
                            // and a difference of such sums (noise around 1e-14) as zero
                            String v = o instanceof Double d ? (Math.abs(d) < 1e-9 ? "0" : String.format("%.9g", d)) : String.valueOf(o);
                            row.append(column).append('=').append(v.replace(work.toString(), "<work>")).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    static boolean volatileColumn(String column) {
        return column.endsWith("_at") || column.equals("job_execution_id") || column.equals("value_id")
                || column.equals("file_id") || column.equals("fact_id") || column.equals("reject_id") || column.equals("indicator_key")
                || column.equals("run_id") || column.equals("applied_at");
    }
}
