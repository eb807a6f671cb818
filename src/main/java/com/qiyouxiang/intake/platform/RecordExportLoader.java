package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Loads one record-level export with DuckDB's read_csv: the dataset's staging SQL (sql/staging/stg_platform_*.sql)
 * reads, validates and pseudonymises in one SELECT into a temporary table; platform_lookups.sql resolves
 * the distinct division codes and periods; load_rec_*.sql moves the good lines into the record table;
 * platform_record_rejects.sql puts the bad lines, with line numbers and masked values,
 * into etl_reject. All inside the caller's transaction. GB18030 files are transcoded to a temporary
 * UTF-8 file first (deleted afterwards).
 */
public class RecordExportLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordExportLoader.class);

    private final KeyedHash keyedHash;
    private final Path tempDir;

    public RecordExportLoader(KeyedHash keyedHash, Path tempDir) {
        this.keyedHash = keyedHash;
        this.tempDir = tempDir;
    }

    public RowCounts load(Connection c, ExportFile file, PlatformMapping mapping, Map<String, Integer> fields,
                          long fileId, Long jobExecutionId) throws SQLException, IOException {
        Dataset dataset = mapping.dataset();
        Warehouse.runScript(c, "staging/platform_macros.sql");
        keyedHash.install(c);
        dropReaderTables(c);
        long start = System.nanoTime();
        Path utf8 = file.utf8Copy(tempDir);
        long transcoded = System.nanoTime();
        try {
            Map<String, Object> values = new HashMap<>();
            values.put("path", utf8.toAbsolutePath().toString());
            values.put("delim", String.valueOf(file.delimiter()));
            values.put("file_id", fileId);
            values.put("columns", new PlatformSql.Raw(columns(dataset, fields, file.header().size())));
            values.put("missing_columns", new PlatformSql.Raw(missingColumns(dataset, fields)));
            execute(c, PlatformSql.fill(dataset.stagingSql(), values));
        } finally {
            if (!utf8.equals(file.path())) {
                Files.deleteIfExists(utf8);
            }
            KeyedHash.uninstall(c);
        }
        long staged = System.nanoTime();
        Warehouse.runScript(c, "staging/platform_lookups.sql");
        long loaded = update(c, PlatformSql.fill(dataset.loadSql(), Map.of("file_id", fileId)));
        Map<String, Object> values = new HashMap<>();
        values.put("file_id", fileId);
        values.put("file_name", file.name());
        values.put("column_count", file.header().size());
        values.put("header_names", new PlatformSql.Raw(file.header().stream()
                .map(h -> "'" + h.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"))));
        values.put("job_execution_id", jobExecutionId);
        long moved = System.nanoTime();
        long rejected = update(c, PlatformSql.fill("staging/platform_record_rejects.sql", values));
        log.info("{}: transcode {} s, read + validate + hash {} s, into {} {} s, rejects {} s", file.name(),
                seconds(start, transcoded), seconds(transcoded, staged), dataset.table(), seconds(staged, moved),
                seconds(moved, System.nanoTime()));
        execute(c, "DROP TABLE stg_platform_records; DROP TABLE platform_town_lookup; DROP TABLE platform_period_lookup");
        dropReaderTables(c);
        return PlatformSql.counts(loaded, rejected, 1);
    }

    /** read_csv's columns: the file's columns in order, named by the mapping (others extra_n, read as text). */
    static String columns(Dataset dataset, Map<String, Integer> fields, int width) {
        Map<Integer, String> byIndex = new HashMap<>();
        fields.forEach((field, index) -> byIndex.put(index, field));
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < width; i++) {
            String field = byIndex.get(i);
            String name = field == null ? "extra_" + (i + 1) : field;
            String type = field == null ? "VARCHAR" : dataset.types().get(field);
            j.add("'" + name + "': '" + type + "'");
        }
        return j.toString();
    }

    /** Optional fields the file lacks, as NULL columns after read_csv's own: ", CAST(NULL AS VARCHAR) AS x". */
    static String missingColumns(Dataset dataset, Map<String, Integer> fields) {
        StringBuilder b = new StringBuilder();
        dataset.types().forEach((field, type) -> {
            if (!fields.containsKey(field)) {
                b.append(", CAST(NULL AS ").append(type).append(") AS ").append(field);
            }
        });
        return b.toString();
    }

    private static void dropReaderTables(Connection c) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS platform_read_rejects; DROP TABLE IF EXISTS platform_read_scans");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String seconds(long from, long to) {
        return String.format("%.2f", (to - from) / 1e9);
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
