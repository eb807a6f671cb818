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
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Loads one record-level export with DuckDB's read_csv: the dataset's staging SQL (sql/staging/stg_platform_*.sql)
 * reads, validates and pseudonymises in one COPY into a temporary Parquet file, streaming, in the file's order
 * (then, under sql/statements/platform/: staged_records.sql reads it back as stg_platform_records; lookups.sql
 * resolves the distinct division codes and periods; load_rec_*.sql moves the good lines into the record table;
 * insert_record_rejects.sql puts the bad lines, with line numbers and masked values, into etl_reject). No step
 * holds the export in memory, so memory does not grow with its size. The warehouse changes happen inside the
 * caller's transaction. GB18030 files are transcoded to a temporary UTF-8 file first; temporary files
 * (qyx.platform.temp-dir) are deleted afterwards. The staging file never holds a name, a phone number or a raw
 * 身份证号: only what the staging SELECT lets through (hashes, masked numbers, codes).
 */
public class RecordExportLoader {

    private static final Logger log = LoggerFactory.getLogger(RecordExportLoader.class);

    private final KeyedHash keyedHash;
    private final PlatformTempFiles temp;

    public RecordExportLoader(KeyedHash keyedHash, PlatformTempFiles temp) {
        this.keyedHash = keyedHash;
        this.temp = temp;
    }

    public RowCounts load(Connection c, ExportFile file, PlatformMapping mapping, Map<String, Integer> fields,
                          long fileId, Long jobExecutionId) throws SQLException, IOException {
        Dataset dataset = mapping.dataset();
        Warehouse.runScript(c, "statements/platform/macros.sql");
        dropReaderTables(c);
        long start = System.nanoTime();
        Path staged = temp.create(".parquet");
        String stagingFile = staged.toAbsolutePath().toString();
        try {
            Path utf8 = file.utf8Copy(temp);
            long transcoded = System.nanoTime();
            try {
                stage(c, file, dataset, fields, utf8, stagingFile);
            } finally {
                if (!utf8.equals(file.path())) {
                    Files.deleteIfExists(utf8);
                }
            }
            long stagedAt = System.nanoTime();
            execute(c, PlatformSql.fill("statements/platform/staged_records.sql", Map.of("staging_file", stagingFile)));
            Warehouse.runScript(c, "statements/platform/lookups.sql");
            long loaded = update(c, PlatformSql.fill(dataset.loadSql(), Map.of("file_id", fileId)));
            long moved = System.nanoTime();
            long rejected = update(c, PlatformSql.fill("statements/platform/insert_record_rejects.sql",
                    rejectValues(file, fileId, jobExecutionId)));
            log.info("{}: transcode {} s, read + validate + hash into the staging file {} s, into {} {} s, rejects {} s",
                    file.name(), seconds(start, transcoded), seconds(transcoded, stagedAt), dataset.table(),
                    seconds(stagedAt, moved), seconds(moved, System.nanoTime()));
            execute(c, "DROP VIEW stg_platform_records; DROP TABLE platform_town_lookup; DROP TABLE platform_period_lookup");
            dropReaderTables(c);
            return PlatformSql.counts(loaded, rejected, 1);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The staging COPY: read, validate and hash; the key is registered for this statement only. */
    private void stage(Connection c, ExportFile file, Dataset dataset, Map<String, Integer> fields, Path utf8,
                       String stagingFile) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("staging_file", stagingFile);
        values.put("path", utf8.toAbsolutePath().toString());
        values.put("delim", String.valueOf(file.delimiter()));
        values.put("columns", new PlatformSql.Raw(columns(dataset, fields, file.header().size())));
        values.put("missing_columns", new PlatformSql.Raw(missingColumns(dataset, fields)));
        keyedHash.install(c);
        try {
            execute(c, PlatformSql.fill(dataset.stagingSql(), values));
        } finally {
            KeyedHash.uninstall(c);
        }
    }

    private static Map<String, Object> rejectValues(ExportFile file, long fileId, Long jobExecutionId) {
        Map<String, Object> values = new HashMap<>();
        values.put("file_id", fileId);
        values.put("file_name", file.name());
        values.put("column_count", file.header().size());
        values.put("header_names", new PlatformSql.Raw(file.header().stream()
                .map(h -> "'" + h.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"))));
        values.put("job_execution_id", jobExecutionId);
        return values;
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
