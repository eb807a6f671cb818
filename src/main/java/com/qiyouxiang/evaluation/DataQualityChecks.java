package com.qiyouxiang.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.qiyouxiang.warehouse.FiniteNumbers;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * The data-quality checks under sql/checks/: each file is one SELECT returning the offending rows,
 * with its severity ({@code -- severity: error|warn}) and Chinese description
 * ({@code -- description: ...}) in its header. Results are stored in dq_check_result.
 */
public final class DataQualityChecks {

    private static final Pattern SEVERITY = Pattern.compile("(?m)^--\\s*severity:\\s*(error|warn)\\s*$");
    /** Where a check file wants the generated scan of every fact and mart number column (sql/checks/finite_values.sql). */
    static final String NON_FINITE_VALUES = "${non_finite_values}";

    private static final Pattern DESCRIPTION = Pattern.compile("(?m)^--\\s*description:\\s*(.+)$");

    public record Check(String name, String severity, String description) {
    }

    /** A check's result (dq_check_result.status, stored as {@link #dbValue()}). */
    public enum Status {
        /** No offending rows. */
        PASS,
        /** Offending rows of a warn-severity check: reported, published anyway. */
        WARN,
        /** Offending rows of an error-severity check: nothing is published. */
        FAIL;

        /** The value in dq_check_result.status: pass / warn / fail. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Result(Check check, long failedRows, String sample) {
        public Status status() {
            return failedRows == 0 ? Status.PASS : "error".equals(check.severity()) ? Status.FAIL : Status.WARN;
        }

        public boolean blocksPublishing() {
            return status() == Status.FAIL;
        }

        public String line() {
            return String.format("%-4s %-28s %s%s", status(), check.name(),
                    failedRows == 0 ? "ok" : failedRows + " rows (" + check.severity() + ")",
                    sample == null ? "" : ": " + sample);
        }
    }

    private DataQualityChecks() {
    }

    /** Every check shipped under sql/checks/, by name. */
    public static List<Check> available() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:sql/checks/*.sql");
            List<Check> checks = new ArrayList<>();
            for (Resource r : resources) {
                String name = r.getFilename().replaceFirst("\\.sql$", "");
                String sql = SqlFiles.read("checks/" + r.getFilename());
                Matcher severity = SEVERITY.matcher(sql);
                Matcher description = DESCRIPTION.matcher(sql);
                if (!severity.find() || !description.find()) {
                    throw new IllegalStateException("sql/checks/" + r.getFilename()
                            + " needs '-- severity: error|warn' and '-- description: ...' in its header");
                }
                checks.add(new Check(name, severity.group(1), description.group(1).trim()));
            }
            checks.sort(Comparator.comparing(Check::name));
            return checks;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list sql/checks", e);
        }
    }

    /** Runs every check for the quarter and stores the results under the job execution. */
    public static List<Result> run(Connection c, Quarter quarter, Long jobExecutionId) throws SQLException {
        List<Result> results = new ArrayList<>();
        for (Check check : available()) {
            String text = SqlFiles.read("checks/" + check.name() + ".sql");
            if (text.contains(NON_FINITE_VALUES)) {
                text = text.replace(NON_FINITE_VALUES, nonFiniteValues(c));
            }
            String sql = SqlFiles.fill(text, Map.of("quarter", quarter.code()), "sql/checks/" + check.name() + ".sql")
                    .strip().replaceFirst(";\\s*$", "");
            long failed;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
                rs.next();
                failed = rs.getLong(1);
            }
            results.add(new Result(check, failed, failed == 0 ? null : sample(c, sql)));
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO dq_check_result (job_execution_id, quarter_code, check_name, severity, status, failed_rows,
                                             sample, description_zh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Result r : results) {
                if (jobExecutionId == null) {
                    p.setNull(1, Types.BIGINT);
                } else {
                    p.setLong(1, jobExecutionId);
                }
                p.setString(2, quarter.code());
                p.setString(3, r.check().name());
                p.setString(4, r.check().severity());
                p.setString(5, r.status().dbValue());
                p.setLong(6, r.failedRows());
                p.setString(7, r.sample());
                p.setString(8, r.check().description());
                p.addBatch();
            }
            p.executeBatch();
        }
        return results;
    }

    /**
     * The rows of every fact and mart table whose DOUBLE or FLOAT column holds a value that is not a figure
     * ({@link FiniteNumbers}: NaN, ±Infinity, beyond 2^53), as (table_name, column_name, value): written from
     * the warehouse's own columns, so a new mart or column is checked without editing the check.
     */
    static String nonFiniteValues(Connection c) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name FROM duckdb_columns()
                WHERE database_name = current_database() AND schema_name = 'main' AND data_type IN ('DOUBLE', 'FLOAT')
                  AND (table_name LIKE 'fct\\_%' ESCAPE '\\' OR table_name LIKE 'mart\\_%' ESCAPE '\\')
                  AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database())
                ORDER BY table_name, column_index""")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String column = rs.getString(2);
                parts.add("SELECT '" + table + "' AS table_name, '" + column + "' AS column_name, CAST(\"" + column
                        + "\" AS VARCHAR) AS value FROM \"" + table + "\" WHERE NOT (isfinite(\"" + column + "\") AND abs(\""
                        + column + "\") <= " + (long) FiniteNumbers.MAX_MAGNITUDE + ")");
            }
        }
        return parts.isEmpty() ? "SELECT NULL AS table_name, NULL AS column_name, NULL AS value WHERE false"
                : String.join("\nUNION ALL\n", parts);
    }

    /**
     * The first five failing rows in a fixed order (ORDER BY ALL): the same warehouse gives the same sample, whichever
     * run wrote it (a run restarted after a crash included; CrashRestartIT compares the tables row by row).
     */
    private static String sample(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM (" + sql + ") ORDER BY ALL LIMIT 5")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cells.add(md.getColumnName(i) + "=" + rs.getString(i));
                }
                rows.add("{" + String.join(", ", cells) + "}");
            }
        }
        return String.join("; ", rows);
    }
}
