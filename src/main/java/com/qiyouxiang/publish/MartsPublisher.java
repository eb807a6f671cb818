package com.qiyouxiang.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;


/**
 * Publishes the marts from the warehouse under qyx.output-dir:
 * <ul>
 * <li>{@code marts/parquet/<mart>.parquet} and {@code marts/csv/<mart>.csv} for every mart_ table;</li>
 * <li>the read-only marts file for BI tools: built under a temporary name in a chosen DuckDB storage
 * format, detached (closed), then moved over the published file atomically. A reader connected
 * before keeps its snapshot (it holds the old file), a new reader opens the new one, and the
 * warehouse itself is never opened by BI tools, so readers never block the nightly run;</li>
 * <li>{@code 数据字典.md} and {@code 数据字典.xlsx}: the data dictionary generated from the warehouse's comments.</li>
 * </ul>
 * Every file is written under a temporary name and moved into place, so a reader never sees half a file.
 */
public class MartsPublisher {

    public record Outcome(List<String> marts, long csvRows, Path martsFile) {
    }

    private final PublishProperties properties;

    public MartsPublisher(PublishProperties properties) {
        this.properties = properties;
    }

    public static List<String> martTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM duckdb_tables()
                WHERE database_name = current_database() AND schema_name = 'main' AND table_name LIKE 'mart\\_%' ESCAPE '\\'
                ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    public Outcome publish(Connection c) throws SQLException, IOException {
        Path out = properties.outputDir().toAbsolutePath();
        Path parquetDir = Files.createDirectories(out.resolve("marts/parquet"));
        Path csvDir = Files.createDirectories(out.resolve("marts/csv"));
        List<String> marts = martTables(c);
        long csvRows = 0;
        for (String mart : marts) {
            String query = "SELECT * FROM " + mart + " ORDER BY ALL";
            Path parquet = parquetDir.resolve(mart + ".parquet");
            Path parquetTmp = temporary(parquet);
            try (Statement s = c.createStatement()) {
                s.execute("COPY (" + query + ") TO " + quote(parquetTmp.toString()) + " (FORMAT parquet)");
            }
            move(parquetTmp, parquet);
            Path csv = csvDir.resolve(mart + ".csv");
            Path csvTmp = temporary(csv);
            csvRows += CsvExport.write(c, query, csvTmp);
            move(csvTmp, csv);
        }
        Path martsFile = publishMartsFile(c, marts);
        Path dictionary = out.resolve("数据字典.md");
        Path dictionaryTmp = temporary(dictionary);
        Files.writeString(dictionaryTmp, DataDictionary.markdown(c));
        move(dictionaryTmp, dictionary);
        Path dictionaryXlsx = out.resolve("数据字典.xlsx");
        Path dictionaryXlsxTmp = temporary(dictionaryXlsx);
        DataDictionary.workbook(c, dictionaryXlsxTmp);
        move(dictionaryXlsxTmp, dictionaryXlsx);
        return new Outcome(marts, csvRows, martsFile);
    }

    /** Builds the BI file under a temporary name in the configured storage version, then moves it into place. */
    Path publishMartsFile(Connection c, List<String> marts) throws SQLException, IOException {
        Path target = properties.martsFile().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = temporary(target);
        removeLeftovers(target);
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH " + quote(tmp.toString()) + " AS publish_marts (STORAGE_VERSION "
                    + quote(properties.publish().storageCompatibilityVersion()) + ")");
            try {
                for (String mart : marts) {
                    s.execute("CREATE TABLE publish_marts.main." + mart + " AS SELECT * FROM " + mart + " ORDER BY ALL");
                }
                copyComments(c, s, marts);
                s.execute("CHECKPOINT publish_marts");
            } finally {
                s.execute("DETACH publish_marts");
            }
        }
        move(tmp, target);
        return target;
    }

    private static void copyComments(Connection c, Statement target, List<String> marts) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, NULL AS column_name, comment FROM duckdb_tables()
                WHERE database_name = current_database() AND comment IS NOT NULL AND table_name LIKE 'mart\\_%' ESCAPE '\\'
                UNION ALL
                SELECT table_name, column_name, comment FROM duckdb_columns()
                WHERE database_name = current_database() AND comment IS NOT NULL AND table_name LIKE 'mart\\_%' ESCAPE '\\'""")) {
            while (rs.next()) {
                if (!marts.contains(rs.getString(1))) {
                    continue;
                }
                String object = rs.getString(2) == null
                        ? "TABLE publish_marts.main." + rs.getString(1)
                        : "COLUMN publish_marts.main." + rs.getString(1) + "." + rs.getString(2);
                statements.add("COMMENT ON " + object + " IS " + quote(rs.getString(3)));
            }
        }
        for (String sql : statements) {
            target.execute(sql);
        }
    }

    /** Temporary files a crashed earlier run left behind (any process id). */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".tmp-";
        try (var files = Files.list(target.getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    }

    static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
